package io.huoshui.notification;

import io.huoshui.testsupport.TestClock;
import io.huoshui.vocabulary.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the tests' shared context adds (found by the application's component scan, so every test
 * class, the platform contract's included, runs on one context): a clock the tests move, and the
 * consumed topics, which their producers declare in the running network.
 */
@Configuration(proxyBeanMethods = false)
class TestSetup {

  @Bean
  TestClock clock() {
    return TestClock.running();
  }

  @Bean
  KafkaAdmin.NewTopics consumedTopics() {
    return new KafkaAdmin.NewTopics(
        new NewTopic(Topics.PROJECTS, 3, (short) 1),
        new NewTopic(Topics.MATCHES, 3, (short) 1),
        new NewTopic(Topics.BANK_RESPONSES, 3, (short) 1),
        new NewTopic(Topics.CATALOG, 3, (short) 1));
  }
}
