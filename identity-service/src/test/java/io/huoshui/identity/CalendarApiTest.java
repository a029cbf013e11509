package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.calendar.CalendarFiles;
import io.huoshui.calendar.CalendarHolder;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The working-day calendar's API: who reads it, who publishes a year, and what is refused. */
class CalendarApiTest extends IdentityHttp {

  @Autowired CalendarHolder calendar;

  /** 2027's National Day and the Saturday worked in exchange (a year of the tests' own). */
  static Map<String, Object> year2027() {
    Map<String, Object> year = new LinkedHashMap<>();
    year.put("year", 2027);
    year.put(
        "holidays", List.of(Map.of("name", "国庆节", "first", "2027-10-01", "last", "2027-10-07")));
    year.put("makeUpWorkingDays", List.of("2027-10-09"));
    year.put(
        "source",
        Map.of(
            "title", "测试用 2027 年节假日安排",
            "number", "测试〔2026〕1号",
            "published", "2026-11-01",
            "url", "https://example.org/2027"));
    return year;
  }

  @Test
  void theAdministratorPublishesAYearThatEveryClientReadsAndEveryServiceApplies() throws Exception {
    HttpResponse<String> published =
        call("PUT", "/api/v1/calendar/years/2027", administratorToken(), year2027());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    JsonNode answer = json.readTree(published.body());
    assertThat(answer.get("origin").asString()).isEqualTo("PUBLISHED");
    assertThat(answer.get("publishedBy").asString()).isEqualTo(SHAANXI_OFFICE);

    String county = accessToken(ZHANGZI);
    JsonNode years = json.readTree(call("GET", "/api/v1/calendar/years", county, null).body());
    assertThat(years.size()).isGreaterThanOrEqualTo(2);
    assertThat(years.get(0).get("year").asInt()).isEqualTo(2026);
    assertThat(years.get(0).get("origin").asString()).isEqualTo("SHIPPED");
    HttpResponse<String> one = call("GET", "/api/v1/calendar/years/2027", county, null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json.readTree(one.body()).get("makeUpWorkingDays").get(0).asString())
        .isEqualTo("2027-10-09");
    assertProblem(call("GET", "/api/v1/calendar/years/2031", county, null), 404);

    ConsumerRecord<String, String> record =
        KafkaRecords.awaitRecord(SECURED_KAFKA.bootstrapServers(), Topics.CALENDAR, "2027");
    EventEnvelope event = json.readValue(record.value(), EventEnvelope.class);
    assertThat(event.type()).isEqualTo(EventTypes.CALENDAR_YEAR_PUBLISHED);
    Contracts.assertConforms(event);
    assertThat(CalendarFiles.read(event.data().get("calendar").toString()).year()).isEqualTo(2027);

    // The platform's listener in this very service applied it: no restart.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !calendar.current().isWorkingDay(LocalDate.parse("2027-10-04")));
    assertThat(calendar.current().isWorkingDay(LocalDate.parse("2027-10-09"))).isTrue();

    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SECURED_KAFKA.bootstrapServers()))) {
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CALENDAR);
      assertThat(
              admin
                  .describeConfigs(List.of(topic))
                  .all()
                  .get()
                  .get(topic)
                  .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                  .value())
          .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
  }

  @Test
  void onlyTheNetworksAdministratorPublishesAYear() {
    assertProblem(
        call("PUT", "/api/v1/calendar/years/2027", accessToken(CHANGZHI_OFFICE), year2027()), 403);
    assertProblem(
        call("PUT", "/api/v1/calendar/years/2027", accessToken(ZHANGZI), year2027()), 403);
    assertProblem(call("PUT", "/api/v1/calendar/years/2027", null, year2027()), 401);
    assertProblem(call("GET", "/api/v1/calendar/years", null, null), 401);
  }

  @Test
  void aYearThatContradictsItselfIsRefusedNamingTheField() throws Exception {
    String administrator = administratorToken();

    Map<String, Object> badDay = year2027();
    badDay.put(
        "holidays", List.of(Map.of("name", "国庆节", "first", "2027-02-30", "last", "2027-10-07")));
    assertRefused(
        call("PUT", "/api/v1/calendar/years/2027", administrator, badDay), "holidays[0].first");

    Map<String, Object> workedHoliday = year2027();
    workedHoliday.put("makeUpWorkingDays", List.of("2027-10-02"));
    assertRefused(
        call("PUT", "/api/v1/calendar/years/2027", administrator, workedHoliday),
        "makeUpWorkingDays[0]");

    Map<String, Object> weekday = year2027();
    weekday.put("makeUpWorkingDays", List.of("2027-10-08"));
    assertRefused(
        call("PUT", "/api/v1/calendar/years/2027", administrator, weekday), "makeUpWorkingDays[0]");

    Map<String, Object> backwards = year2027();
    backwards.put(
        "holidays", List.of(Map.of("name", "国庆节", "first", "2027-10-07", "last", "2027-10-01")));
    assertRefused(
        call("PUT", "/api/v1/calendar/years/2027", administrator, backwards), "holidays[0].last");

    assertRefused(call("PUT", "/api/v1/calendar/years/2028", administrator, year2027()), "year");

    Map<String, Object> unknown = year2027();
    unknown.put("colour", "red");
    assertRefused(call("PUT", "/api/v1/calendar/years/2027", administrator, unknown), "colour");

    Map<String, Object> insecure = year2027();
    insecure.put(
        "source",
        Map.of("title", "通知", "number", "1", "published", "2026-11-01", "url", "http://x"));
    assertRefused(
        call("PUT", "/api/v1/calendar/years/2027", administrator, insecure), "source.url");

    // Nothing refused was stored.
    HttpResponse<String> after =
        call("GET", "/api/v1/calendar/years/2028", accessToken(ZHANGZI), null);
    assertProblem(after, 404);
  }

  @Test
  void theProducersExamplesConformToTheSchema() {
    for (Contracts.Example example : Contracts.examplesOf(EventTypes.CALENDAR_YEAR_PUBLISHED)) {
      Contracts.assertConforms(example.envelope());
      assertThat(CalendarFiles.read(example.envelope().data().get("calendar").toString()).year())
          .isEqualTo(Integer.parseInt(example.envelope().subject()));
    }
  }

  void assertRefused(HttpResponse<String> response, String field) throws Exception {
    assertProblem(response, 400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
        .as(response.body())
        .isEqualTo(field);
  }
}
