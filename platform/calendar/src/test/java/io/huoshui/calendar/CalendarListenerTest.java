package io.huoshui.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.testsupport.SharedInfrastructure;
import io.huoshui.vocabulary.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calendar topic on a real broker: a service applies the years on it when it starts and the
 * years published while it runs, and a record it cannot read does not stop the next ones.
 */
class CalendarListenerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final LocalDate NATIONAL_DAY_2026 = LocalDate.parse("2026-10-05");
  static final LocalDate NATIONAL_DAY_2027 = LocalDate.parse("2027-10-04");

  static String kafka;

  @BeforeAll
  static void calendarTopic() throws Exception {
    kafka = SharedInfrastructure.get().kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(Topics.CALENDAR, 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get();
    }
  }

  ApplicationContextRunner service() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(KafkaAutoConfiguration.class, CalendarAutoConfiguration.class))
        .withUserConfiguration(CalendarListenerAutoConfiguration.Listening.class)
        .withPropertyValues(
            "spring.application.name=calendar-test", "spring.kafka.bootstrap-servers=" + kafka);
  }

  @Test
  void aServiceAppliesTheYearsPublishedBeforeItStartedAndWhileItRuns() throws Exception {
    publish("2027", event(year2027(true)));

    service()
        .run(
            context -> {
              CalendarHolder holder = context.getBean(CalendarHolder.class);
              await()
                  .atMost(PATIENCE)
                  .until(() -> !holder.current().isWorkingDay(NATIONAL_DAY_2027));
              assertThat(holder.current().isWorkingDay(LocalDate.parse("2027-10-09"))).isTrue();
              // A year never published keeps the shipped file.
              assertThat(holder.current().year(2026))
                  .isEqualTo(CalendarAutoConfiguration.shippedCalendar().year(2026));

              publish("2026", "{ not an event");
              publish("2026", "{\"type\":\"io.huoshui.identity.SomethingElse.v1\",\"data\":{}}");
              publish("2027", event(year2027(false)));
              await()
                  .atMost(PATIENCE)
                  .until(() -> holder.current().isWorkingDay(NATIONAL_DAY_2027));
              // The correction replaced the year whole: its make-up day went with its holiday.
              assertThat(holder.current().isWorkingDay(LocalDate.parse("2027-10-09"))).isFalse();
              assertThat(holder.current().isWorkingDay(NATIONAL_DAY_2026)).isFalse();
            });
  }

  @Test
  void theProducersOwnExampleIsAppliedAsTheShippedFileReadsIt() throws Exception {
    publish("2026", exampleWithoutNationalDay());
    service()
        .run(
            context -> {
              CalendarHolder holder = context.getBean(CalendarHolder.class);
              await()
                  .atMost(PATIENCE)
                  .until(() -> holder.current().isWorkingDay(NATIONAL_DAY_2026));
              assertThat(holder.current().year(2026).orElseThrow().holidays()).hasSize(6);
            });
  }

  /** 2027's National Day, with the Saturday worked in exchange or without either. */
  static CalendarYear year2027(boolean nationalDay) {
    CalendarSource source =
        new CalendarSource(
            "测试用 2027 年节假日安排",
            "测试〔2027〕1号",
            LocalDate.parse("2026-11-01"),
            "https://example.org/2027");
    return nationalDay
        ? new CalendarYear(
            2027,
            List.of(
                new Holiday("国庆节", LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-07"))),
            List.of(LocalDate.parse("2027-10-09")),
            source)
        : new CalendarYear(2027, List.of(), List.of(), source);
  }

  static String event(CalendarYear year) throws IOException {
    ObjectNode event = example();
    event.put("subject", String.valueOf(year.year()));
    ((ObjectNode) event.get("data")).set("calendar", JSON.readTree(CalendarFiles.write(year)));
    return JSON.writeValueAsString(event);
  }

  static String exampleWithoutNationalDay() throws IOException {
    ObjectNode event = example();
    ObjectNode calendar = (ObjectNode) event.get("data").get("calendar");
    ArrayNode holidays = (ArrayNode) calendar.get("holidays");
    for (int i = holidays.size() - 1; i >= 0; i--) {
      if (holidays.get(i).get("name").asString().equals("国庆节")) {
        holidays.remove(i);
      }
    }
    ArrayNode makeUp = (ArrayNode) calendar.get("makeUpWorkingDays");
    for (int i = makeUp.size() - 1; i >= 0; i--) {
      if (makeUp.get(i).asString().equals("2026-10-10")) {
        makeUp.remove(i);
      }
    }
    return JSON.writeValueAsString(event);
  }

  static ObjectNode example() throws IOException {
    JsonNode example =
        JSON.readTree(
            CalendarYearPublishedTest.producers(
                "schemas/examples/CalendarYearPublished.v1/cn-2026.json"));
    return (ObjectNode) example.deepCopy();
  }

  static void publish(String key, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(new ProducerRecord<>(Topics.CALENDAR, key, value)).get();
    }
  }
}
