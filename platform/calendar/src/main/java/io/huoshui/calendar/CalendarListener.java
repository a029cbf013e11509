package io.huoshui.calendar;

import io.huoshui.vocabulary.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies each year published on the calendar topic to the service's {@link CalendarHolder}. It
 * reads the envelope itself rather than through the eventing platform's consumer: a year is not an
 * effect recorded once per service but a state every instance must hold, so each instance reads the
 * whole compacted topic and nothing is written to its database.
 */
final class CalendarListener implements MessageListener<String, String> {

  private static final Logger log = LoggerFactory.getLogger(CalendarListener.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CalendarHolder holder;

  CalendarListener(CalendarHolder holder) {
    this.holder = holder;
  }

  @Override
  public void onMessage(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    try {
      JsonNode event = JSON.readTree(record.value());
      if (!EventTypes.CALENDAR_YEAR_PUBLISHED.equals(event.path("type").asString(""))) {
        return;
      }
      CalendarYear year = CalendarFiles.read(event.path("data").path("calendar").toString());
      holder.publish(year);
      log.info("日历 {} 年已更新 (calendar year {} applied from {})", year.year(), year.year(), record);
    } catch (IllegalArgumentException | JacksonException refused) {
      // identity-service validates a year before it publishes it; a record refused here keeps the
      // year this instance counts on, rather than stopping the reading of later years.
      log.error(
          "日历记录无效, 已跳过 (a calendar record refused, the year kept as it was): {} at offset {}",
          record.key(),
          record.offset(),
          refused);
    }
  }
}
