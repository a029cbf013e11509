package io.huoshui.credit;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service consumes are declared by the services that produce them, which do not run
 * in these tests: declared here instead, before the listeners start.
 */
@TestConfiguration(proxyBeanMethods = false)
class OtherServicesTopics {

  @Bean
  KafkaAdmin.NewTopics consumedTopics() {
    return new KafkaAdmin.NewTopics(
        new NewTopic("huoshui.matches", 3, (short) 1),
        new NewTopic("huoshui.projects", 3, (short) 1));
  }
}
