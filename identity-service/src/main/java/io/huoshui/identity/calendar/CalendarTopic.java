package io.huoshui.identity.calendar;

import io.huoshui.vocabulary.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * identity-service declares the calendar topic itself rather than in {@code huoshui.events
 * .produces}, whose topics the eventing platform declares with the broker's defaults: this one is
 * compacted, so that the latest record of every year stays for a service that starts years later.
 */
@Configuration(proxyBeanMethods = false)
class CalendarTopic {

  @Bean
  NewTopic compactedCalendarTopic(@Value("${huoshui.events.partitions:3}") int partitions) {
    return TopicBuilder.name(Topics.CALENDAR).partitions(partitions).compact().build();
  }
}
