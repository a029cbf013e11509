package io.huoshui.calendar;

import io.huoshui.vocabulary.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * Every service of the network — one that has spring-kafka and the eventing platform — applies the
 * years an operator publishes without a restart (docs/calendar.md). The condition names the
 * eventing platform's class rather than depending on it, for the platform depends on the calendar.
 */
@AutoConfiguration(
    after = CalendarAutoConfiguration.class,
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(
    name = {
      "org.springframework.kafka.core.ConsumerFactory",
      "io.huoshui.eventing.EventingAutoConfiguration"
    })
@ConditionalOnBean({ConsumerFactory.class, CalendarHolder.class})
@ConditionalOnBooleanProperty(name = "huoshui.calendar.listener-enabled", matchIfMissing = true)
@Import(CalendarListenerAutoConfiguration.Listening.class)
public class CalendarListenerAutoConfiguration {

  /** The listener itself: a test gives it a context of its own making. */
  @Configuration(proxyBeanMethods = false)
  static class Listening {

    /**
     * A consumer group of this instance's own, new at every start, from the earliest offset: each
     * instance reads every year's latest record of the compacted topic, whatever others have read.
     * No offset is committed, so that no group is left behind by an instance that is gone.
     */
    @Bean
    KafkaMessageListenerContainer<String, String> calendarListenerContainer(
        ConsumerFactory<?, ?> consumers,
        CalendarHolder holder,
        @Value("${spring.application.name:huoshui}") String application) {
      Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
      config.put(
          ConsumerConfig.GROUP_ID_CONFIG,
          application + "-calendar-" + UUID.randomUUID().toString().substring(0, 8));
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      // identity-service declares the topic compacted; a reader starting first must not create it
      // with the broker's defaults.
      config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      ContainerProperties properties = new ContainerProperties(Topics.CALENDAR);
      properties.setAckMode(ContainerProperties.AckMode.MANUAL);
      properties.setMessageListener(new CalendarListener(holder));
      KafkaMessageListenerContainer<String, String> container =
          new KafkaMessageListenerContainer<>(
              new DefaultKafkaConsumerFactory<>(config), properties);
      container.setBeanName("calendarListener");
      return container;
    }
  }
}
