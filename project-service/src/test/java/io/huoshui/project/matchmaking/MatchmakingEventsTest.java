package io.huoshui.project.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.calendar.CalendarHolder;
import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestClock;
import io.huoshui.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A matchmaking event of its own region (6297, counties 629701 and 629702, that no other test
 * touches), from the operator's invitation to the reconciliation after the banks' answers, played
 * on the topic as credit-service writes them, and after the follow-up's working days have passed.
 *
 * <pre>
 * A 629701 70 000 000.00: jinshang-bank signs 60 000 000.00, approves 55 000 000.00 and disburses
 *   20 000 000.00 of it
 * B 629701  5 000 000.00: cib-changzhi signs 3 000 000.00 and never approves
 * C 629702  2 000 000.00: on the agenda, nobody signs
 * </pre>
 */
class MatchmakingEventsTest extends ProjectServiceTest {

  private static final String REGION = "6297";
  private static final String FIRST = "629701";
  private static final String SECOND = "629702";
  private static final String PATH = "/api/v1/matchmaking/events";
  private static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired TestClock clock;
  @Autowired CalendarHolder calendar;
  @Autowired MatchmakingMetrics metrics;
  @Autowired MeterRegistry meters;

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void theReconciliationShowsWhatWasSignedApprovedAndDisbursedAndFlagsWhatWasNotFollowed() {
    UUID a = submit(FIRST, demand("甲县光伏电站", "70000000.00"));
    UUID b = submit(FIRST, demand("甲县沼气综合利用", "5000000.00"));
    UUID c = submit(SECOND, demand("乙县节水灌溉", "2000000.00"));
    LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
    UUID event = create(eventOn(today));
    for (UUID demand : List.of(a, b, c)) {
      addToAgenda(event, demand).isOk();
    }
    // Twice on the agenda stays once.
    addToAgenda(event, a).isOk().expectBody().jsonPath("$.agenda.length()").isEqualTo(3);

    sign(event, "jinshang-bank", Map.of("projectId", a, "amount", "60000000.00"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.amount")
        .isEqualTo("60000000.00");
    sign(event, "cib-changzhi", Map.of("projectId", b, "amount", "3000000.00"))
        .expectStatus()
        .isCreated();

    UUID match = UUID.randomUUID();
    Instant now = Instant.now();
    publish(
        BANK_RESPONSES, answer(a, match, "APPROVAL", "55000000.00", now, "55000000.00", "0.00"));
    publish(
        BANK_RESPONSES,
        answer(
            a,
            match,
            "DISBURSEMENT",
            "20000000.00",
            now.plusSeconds(1),
            "55000000.00",
            "20000000.00"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> timelineSteps(a, "DISBURSED") == 1 && timelineSteps(a, "APPROVED") == 1);

    LocalDate due = calendar.current().plusWorkingDays(today, 20);
    JsonNode before = reconciliation(event);
    assertThat(before.at("/total/signed").asString()).isEqualTo("63000000.00");
    assertThat(before.at("/total/unfollowed").asLong()).isZero();
    assertThat(line(before, "cib-changzhi", b).get("status").asString()).isEqualTo("PENDING");

    // The day after the due day: cib-changzhi's intention has had no approval.
    clock.set(due.plusDays(1).atTime(LocalTime.of(10, 0)).atZone(WorkingCalendar.ZONE).toInstant());
    JsonNode after = reconciliation(event);
    assertThat(after.at("/total/signed").asString()).isEqualTo("63000000.00");
    assertThat(after.at("/total/approved").asString()).isEqualTo("55000000.00");
    assertThat(after.at("/total/disbursed").asString()).isEqualTo("20000000.00");
    assertThat(after.at("/total/intentions").asLong()).isEqualTo(2);
    assertThat(after.at("/total/unfollowed").asLong()).isEqualTo(1);
    assertThat(after.at("/followUpWorkingDays").asInt()).isEqualTo(20);

    assertThat(sums(after.get("byBank"), "bankCode", "jinshang-bank"))
        .containsExactly("60000000.00", "55000000.00", "20000000.00", "1", "0");
    assertThat(sums(after.get("byBank"), "bankCode", "cib-changzhi"))
        .containsExactly("3000000.00", "0.00", "0.00", "1", "1");
    assertThat(sums(after.get("byDemand"), "projectId", a.toString()))
        .containsExactly("60000000.00", "55000000.00", "20000000.00", "1", "0");
    assertThat(sums(after.get("byDemand"), "projectId", b.toString()))
        .containsExactly("3000000.00", "0.00", "0.00", "1", "1");
    // Nobody signed for C nor lent on it: it has no line.
    assertThat(after.get("lines").size()).isEqualTo(2);

    JsonNode followed = line(after, "jinshang-bank", a);
    assertThat(followed.get("status").asString()).isEqualTo("FOLLOWED");
    assertThat(followed.get("colour").isNull()).isTrue();
    assertThat(followed.get("dueOn").asString()).isEqualTo(due.toString());
    JsonNode unfollowed = line(after, "cib-changzhi", b);
    assertThat(unfollowed.get("status").asString()).isEqualTo("UNFOLLOWED");
    assertThat(unfollowed.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(unfollowed.get("dueOn").asString()).isEqualTo(due.toString());

    // The operator's list counts the unfollowed intention beside the event.
    JsonNode list = json(read(PATH + "?size=100", TestTokens.operator(REGION), null, null));
    JsonNode listed = find(list.get("items"), "id", event.toString());
    assertThat(listed.at("/totals/unfollowed").asLong()).isEqualTo(1);
    assertThat(listed.at("/totals/signed").asString()).isEqualTo("63000000.00");

    // The gauge the dashboards and the alert read (as Prometheus scrapes it, from this registry)
    // counts every unfollowed intention of the region: this test's, and those of the region's
    // other events that the list shows.
    long ofTheRegion = 0;
    for (JsonNode item : list.get("items")) {
      ofTheRegion += item.at("/totals/unfollowed").asLong();
    }
    metrics.count().block();
    assertThat(
            meters
                .get("huoshui.matchmaking.intentions.unfollowed")
                .tags("region", REGION, "colour", "YELLOW")
                .gauge()
                .value())
        .isEqualTo((double) ofTheRegion)
        .isGreaterThanOrEqualTo(1.0);

    // Long overdue, it is RED, as a match left unanswered is.
    clock.advance(Duration.ofDays(30));
    assertThat(line(reconciliation(event), "cib-changzhi", b).get("colour").asString())
        .isEqualTo("RED");
  }

  @Test
  void theQuarterlyPackHasASectionPerEventOfTheQuarter() {
    UUID a = submit(FIRST, demand("甲县储能项目", "9000000.00"));
    LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
    UUID event = create(eventOn(today));
    addToAgenda(event, a).isOk();
    sign(event, "jinshang-bank", Map.of("projectId", a, "amount", "8000000.00"))
        .expectStatus()
        .isCreated();

    JsonNode pack =
        json(read("/api/v1/reports/quarterly", TestTokens.operator(REGION), null, null));
    JsonNode section = find(pack.get("events"), "eventId", event.toString());
    assertThat(section.get("signed").asString()).isEqualTo("8000000.00");
    assertThat(section.get("intentions").asLong()).isEqualTo(1);
    assertThat(section.get("unfollowed").asLong()).isZero();
    String csv =
        new String(
            read("/api/v1/reports/quarterly", TestTokens.operator(REGION), null, "text/csv"),
            StandardCharsets.UTF_8);
    assertThat(csv).contains("# 政银企对接会").contains("2026年第四季度绿色金融专场对接会,");
  }

  @Test
  void theReconciliationIsServedAsCsvAndAsAPageToPrint() {
    UUID a = submit(SECOND, demand("乙县分布式光伏", "4000000.00"));
    UUID event = create(eventOn(LocalDate.now(WorkingCalendar.ZONE)));
    addToAgenda(event, a).isOk();
    sign(event, "cib-changzhi", Map.of("projectId", a, "amount", "3500000.00"))
        .expectStatus()
        .isCreated();
    String uri = PATH + "/" + event + "/reconciliation";

    String csv =
        new String(
            read(uri, TestTokens.operator(REGION), null, "text/csv"), StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("\uFEFF对接会,2026年第四季度绿色金融专场对接会,")
        .contains("# 按银行\r\n银行,签约金额（元）,授信金额（元）,放款金额（元）,意向数,签约未落地数\r\n")
        .contains("cib-changzhi,3500000.00,0.00,0.00,1,0\r\n")
        .contains("合计,3500000.00,0.00,0.00,1,0\r\n")
        .contains("cib-changzhi," + a + ",629702,乙县分布式光伏,3500000.00,0.00,0.00,");
    String english =
        new String(
            read(uri, TestTokens.operator(REGION), "en", "text/csv"), StandardCharsets.UTF_8);
    assertThat(english).contains("# by bank\r\nbank,signed_cny,approved_cny,disbursed_cny");

    String html =
        new String(
            read(uri, TestTokens.operator(REGION), null, "text/html"), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"zh-CN\">")
        .contains("<h2>按银行</h2>")
        .contains(
            "<td>cib-changzhi</td><td>350.00</td><td>0.00</td><td>0.00</td><td>1</td><td>0</td>")
        .contains("待授信")
        .doesNotContain("<script");
  }

  @Test
  void refusalsNameTheirFieldOrCauseAndNeverFail() {
    UUID a = submit(FIRST, demand("甲县风电配套", "6000000.00"));
    UUID off = submit(FIRST, demand("甲县未上会项目", "1000000.00"));
    UUID event = create(eventOn(LocalDate.now(WorkingCalendar.ZONE)));
    addToAgenda(event, a).isOk();

    // A bank not invited.
    sign(event, "shanxi-bank", Map.of("projectId", a, "amount", "1000000.00"))
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("shanxi-bank").contains("未受邀"));
    // A demand not on the agenda.
    sign(event, "jinshang-bank", Map.of("projectId", off, "amount", "1000000.00"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("projectId");
    // Malformed amounts: too many places, a number rather than a string, not a number.
    for (Object amount : List.of("1000000.005", 1000000, "一百万", "-5.00")) {
      sign(event, "jinshang-bank", Map.of("projectId", a, "amount", amount))
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo("amount");
    }
    // One intention per bank and demand: a second is refused, the first stands.
    sign(event, "jinshang-bank", Map.of("projectId", a, "amount", "5000000.00"))
        .expectStatus()
        .isCreated();
    sign(event, "jinshang-bank", Map.of("projectId", a, "amount", "5500000.00"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INTENTION_ALREADY_SIGNED");
    assertThat(reconciliation(event).at("/total/signed").asString()).isEqualTo("5000000.00");

    // An operator of another region: it may not create an event of this one, nor see this one.
    postEvent(TestTokens.operator("1407"), eventOn(LocalDate.now(WorkingCalendar.ZONE)))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("region");
    http.get()
        .uri(PATH + "/" + event + "/reconciliation")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1407")))
        .exchange()
        .expectStatus()
        .isNotFound();
    agenda(event, a, TestTokens.operator("1407")).isNotFound();
    // A demand outside the event's region, though inside the operator's.
    UUID elsewhere = submit("629601", demand("丙县项目", "1000000.00"));
    agenda(event, elsewhere, TestTokens.operator("62"))
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("projectId");
    // Strict input: an unknown member, a malformed date, no banks.
    Map<String, Object> unknown = eventOn(LocalDate.now(WorkingCalendar.ZONE));
    unknown.put("budget", "100.00");
    Map<String, Object> badDate = eventOn(LocalDate.now(WorkingCalendar.ZONE));
    badDate.put("date", "2026-13-01");
    Map<String, Object> noBanks = eventOn(LocalDate.now(WorkingCalendar.ZONE));
    noBanks.put("banks", List.of());
    for (Map<String, Object> body : List.of(unknown, badDate, noBanks)) {
      postEvent(TestTokens.operator(REGION), body)
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].field")
          .value(field -> assertThat((String) field).isIn("budget", "date", "banks"));
    }
    // A county does not organise events; a bank cannot read the reconciliation.
    postEvent(TestTokens.county(FIRST), eventOn(LocalDate.now(WorkingCalendar.ZONE)))
        .expectStatus()
        .isForbidden();
    http.get()
        .uri(PATH + "/" + event + "/reconciliation")
        .headers(h -> h.setBearerAuth(TestTokens.bank("jinshang-bank")))
        .exchange()
        .expectStatus()
        .isForbidden();
    sign(UUID.randomUUID(), "jinshang-bank", Map.of("projectId", a, "amount", "1.00"))
        .expectStatus()
        .isNotFound();
    // Intentions are signed at the event, not before it.
    UUID tomorrow = create(eventOn(LocalDate.now(WorkingCalendar.ZONE).plusDays(1)));
    addToAgenda(tomorrow, a).isOk();
    sign(tomorrow, "jinshang-bank", Map.of("projectId", a, "amount", "1000000.00"))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("EVENT_NOT_HELD_YET");
  }

  private static Map<String, Object> eventOn(LocalDate day) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("title", "2026年第四季度绿色金融专场对接会");
    event.put("date", day.toString());
    event.put("venue", "长治市政务服务中心三楼会议室");
    event.put("region", REGION);
    event.put("theme", "绿色金融：光伏、储能与节水灌溉项目融资");
    event.put("banks", List.of("jinshang-bank", "cib-changzhi"));
    return event;
  }

  private static Map<String, Object> demand(String title, String amount) {
    Map<String, Object> demand = toyPlant();
    demand.put("title", title);
    demand.put("amountRequested", amount);
    demand.put("purpose", "GREEN_TRANSITION");
    return demand;
  }

  private UUID create(Map<String, Object> event) {
    URI location =
        postEvent(TestTokens.operator(REGION), event)
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    return idAt(location);
  }

  private WebTestClient.ResponseSpec postEvent(String token, Map<String, Object> event) {
    return http.post().uri(PATH).headers(h -> h.setBearerAuth(token)).bodyValue(event).exchange();
  }

  private StatusAssertions addToAgenda(UUID event, UUID project) {
    return agenda(event, project, TestTokens.operator(REGION));
  }

  private StatusAssertions agenda(UUID event, UUID project, String token) {
    return http.post()
        .uri(PATH + "/" + event + "/agenda")
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(Map.of("projectId", project))
        .exchange()
        .expectStatus();
  }

  private WebTestClient.ResponseSpec sign(UUID event, String bank, Map<String, Object> intention) {
    return http.post()
        .uri(PATH + "/" + event + "/intentions")
        .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
        .bodyValue(intention)
        .exchange();
  }

  private JsonNode reconciliation(UUID event) {
    return json(
        read(PATH + "/" + event + "/reconciliation", TestTokens.operator(REGION), null, null));
  }

  private static JsonNode json(byte[] body) {
    return JSON.readTree(body);
  }

  private static JsonNode find(JsonNode items, String member, String value) {
    for (JsonNode item : items) {
      if (value.equals(item.get(member).asString())) {
        return item;
      }
    }
    throw new AssertionError("no item with " + member + " " + value + " in " + items);
  }

  private static JsonNode line(JsonNode reconciliation, String bank, UUID project) {
    for (JsonNode line : reconciliation.get("lines")) {
      if (bank.equals(line.get("bankCode").asString())
          && project.toString().equals(line.get("projectId").asString())) {
        return line;
      }
    }
    throw new AssertionError("no line of " + bank + " on " + project);
  }

  private static List<String> sums(JsonNode groups, String member, String value) {
    JsonNode sums = find(groups, member, value).get("sums");
    return List.of(
        sums.get("signed").asString(),
        sums.get("approved").asString(),
        sums.get("disbursed").asString(),
        sums.get("intentions").asString(),
        sums.get("unfollowed").asString());
  }

  private static EventEnvelope answer(
      UUID project,
      UUID match,
      String kind,
      String amount,
      Instant at,
      String approved,
      String disbursed) {
    return example(
        RESPONDED,
        kind.equals("APPROVAL") ? "approval" : "disbursement",
        project,
        Map.of(
            "matchId",
            match,
            "county",
            FIRST,
            "bankCode",
            "jinshang-bank",
            "amount",
            amount,
            "respondedAt",
            at.toString(),
            "totals.intended",
            approved,
            "totals.approved",
            approved,
            "totals.disbursed",
            disbursed));
  }
}
