package io.huoshui.notification.intake;

import static io.huoshui.notification.EventData.decline;
import static io.huoshui.notification.EventData.demand;
import static io.huoshui.notification.EventData.digest;
import static io.huoshui.notification.EventData.escalated;
import static io.huoshui.notification.EventData.noMatch;
import static io.huoshui.notification.EventData.proposed;
import static io.huoshui.notification.EventData.response;
import static io.huoshui.notification.EventData.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.DeadLetters;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Every consumed event becomes the notifications docs/events.md implies, once. */
class IntakeTest extends NotificationServiceTest {

  @Autowired MeterRegistry meters;
  @Autowired DeadlineReminders reminders;
  @Autowired KnowledgeStore knowledge;
  @Autowired DatabaseClient database;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  private final List<EventEnvelope> sent = new ArrayList<>();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void everyOutcomeReachesCountyBankAndOperatorsOnceHoweverOftenItIsDelivered() {
    String county = freshCounty();
    String bank = "jinshang-" + UUID.randomUUID().toString().substring(0, 8);
    String otherBank = "shanxi-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    UUID otherMatch = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    String subject = project.toString();
    double duplicatesBefore = duplicates();

    twice(
        Topics.CATALOG,
        "io.huoshui.credit.CatalogDigest.v1",
        county,
        digest(county, product, bank));
    twice(
        Topics.PROJECTS,
        "io.huoshui.project.ProjectSubmitted.v1",
        subject,
        demand(project, county, "德儒教育装备玩具厂"));
    // Topics are consumed independently: what the texts name must be known before the match.
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                "晋商银行"
                    .equals(
                        database
                            .sql("SELECT bank_name FROM known_bank WHERE bank_code = :code")
                            .bind("code", bank)
                            .map(row -> row.get(0, String.class))
                            .one()
                            .block()));
    await()
        .atMost(PATIENCE)
        .until(() -> "德儒教育装备玩具厂".equals(knowledge.projectTitle(project).block()));
    twice(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        subject,
        proposed(match, project, county, bank, product, LocalDate.of(2026, 12, 2)));
    twice(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        subject,
        proposed(
            otherMatch, project, county, otherBank, UUID.randomUUID(), LocalDate.of(2026, 12, 2)));
    // A withdrawal reaches the banks that hold the demand by then.
    awaitNotifications(TestTokens.bank(bank), subject, found -> !found.isEmpty());
    awaitNotifications(TestTokens.bank(otherBank), subject, found -> !found.isEmpty());
    twice(
        Topics.BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        subject,
        response(match, project, county, bank, "INTEREST", "80000000.00"));
    twice(
        Topics.BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        subject,
        response(match, project, county, bank, "APPROVAL", "70000000.00"));
    twice(
        Topics.BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        subject,
        response(match, project, county, bank, "DISBURSEMENT", "30000000.00"));
    twice(
        Topics.MATCHES,
        "io.huoshui.matching.MatchEscalated.v1",
        subject,
        escalated(otherMatch, project, county, otherBank, "YELLOW"));
    twice(
        Topics.MATCHES,
        "io.huoshui.matching.MatchEscalated.v1",
        subject,
        escalated(otherMatch, project, county, otherBank, "RED"));
    twice(
        Topics.PROJECTS,
        "io.huoshui.project.ProjectWithdrawn.v1",
        subject,
        withdrawn(project, county));
    UUID unmatched = UUID.randomUUID();
    twice(
        Topics.MATCHES,
        "io.huoshui.matching.NoMatch.v1",
        unmatched.toString(),
        noMatch(unmatched, county));

    String countyToken = TestTokens.county(county);
    List<JsonNode> toCounty = awaitNotifications(countyToken, subject, found -> found.size() >= 7);
    assertThat(kinds(toCounty))
        .containsExactlyInAnyOrder(
            "MATCH_ESCALATED",
            "MATCH_ESCALATED",
            "BANK_DISBURSEMENT",
            "BANK_APPROVAL",
            "BANK_INTEREST",
            "MATCH_PROPOSED",
            "MATCH_PROPOSED");
    // One topic's events become notifications in their order: the list is newest first.
    assertThat(kinds(toCounty).stream().filter(kind -> kind.startsWith("BANK_")))
        .containsExactly("BANK_DISBURSEMENT", "BANK_APPROVAL", "BANK_INTEREST");
    JsonNode pushed = only(toCounty, "MATCH_PROPOSED", "bankCode", bank);
    assertThat(pushed.get("title").asString()).isEqualTo("需求已推送至晋商银行");
    assertThat(pushed.get("body").asString()).contains("德儒教育装备玩具厂", "取水证质押贷款", "2026-12-02");
    assertThat(pushed.get("data").get("bankCode").asString()).isEqualTo(bank);
    assertThat(only(toCounty, "BANK_DISBURSEMENT", "bankCode", bank).get("body").asString())
        .contains("30000000.00", "70000000.00");
    assertThat(only(toCounty, "MATCH_ESCALATED", "colour", "RED").get("title").asString())
        .startsWith("红色督办");

    List<JsonNode> noMatch =
        awaitNotifications(countyToken, unmatched.toString(), f -> !f.isEmpty());
    assertThat(noMatch.get(0).get("body").asString()).contains("金额（9 个产品未满足）", "担保方式");

    List<JsonNode> digest = awaitNotifications(countyToken, county, f -> !f.isEmpty());
    assertThat(digest.get(0).get("kind").asString()).isEqualTo("CATALOG_DIGEST");
    assertThat(digest.get(0).get("body").asString()).contains("晋商银行「取水证质押贷款」（新增）");

    // The bank that approved still holds the demand: it learns of the withdrawal too.
    List<JsonNode> toBank =
        awaitNotifications(TestTokens.bank(bank), subject, found -> found.size() >= 2);
    assertThat(kinds(toBank)).containsExactlyInAnyOrder("MATCH_PROPOSED", "PROJECT_WITHDRAWN");
    JsonNode newDemand = only(toBank, "MATCH_PROPOSED", "county", county);
    assertThat(newDemand.get("body").asString()).contains("70000000.00").doesNotContain("德儒");
    assertThat(newDemand.get("data").has("projectTitle")).isFalse();

    List<JsonNode> toOtherBank =
        awaitNotifications(TestTokens.bank(otherBank), subject, found -> found.size() >= 4);
    assertThat(kinds(toOtherBank))
        .containsExactlyInAnyOrder(
            "PROJECT_WITHDRAWN", "MATCH_ESCALATED", "MATCH_ESCALATED", "MATCH_PROPOSED");
    assertThat(only(toOtherBank, "PROJECT_WITHDRAWN", "county", county).get("body").asString())
        .contains("企业已通过其他渠道落实融资");

    // Operators of the province, the city and the county itself; RED and NO_MATCH only.
    for (String region : List.of("14", "1404", county)) {
      String operator = TestTokens.operator(region);
      assertThat(kinds(awaitNotifications(operator, subject, found -> !found.isEmpty())))
          .containsExactly("MATCH_ESCALATED");
      assertThat(
              kinds(awaitNotifications(operator, unmatched.toString(), found -> !found.isEmpty())))
          .containsExactly("NO_MATCH");
    }
    assertThat(notificationsAbout(TestTokens.operator("61"), unmatched.toString())).isEmpty();

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(duplicates() - duplicatesBefore).isEqualTo(sent.size()));
    assertThat(notificationsAbout(countyToken, subject)).hasSize(7);
    assertThat(notificationsAbout(TestTokens.bank(otherBank), subject)).hasSize(4);
    assertThat(notificationsAbout(TestTokens.bank(bank), subject)).hasSize(2);
    assertThat(
            meters
                .get("huoshui.notifications")
                .tags("audience_type", "OPERATOR", "kind", "NO_MATCH")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void textsComeInEnglishOnRequestAndInChineseOtherwise() {
    String county = freshCounty();
    UUID project = UUID.randomUUID();
    publishDecline(county, project);
    String token = TestTokens.county(county);
    awaitNotifications(token, project.toString(), found -> !found.isEmpty());

    JsonNode chinese = notificationsAbout(token, project.toString()).get(0);
    assertThat(chinese.get("language").asString()).isEqualTo("zh-CN");
    assertThat(chinese.get("body").asString()).contains("原因：抵质押物不足");

    JsonNode byParameter = notificationsAbout(token, project.toString(), "&lang=en").get(0);
    assertThat(byParameter.get("language").asString()).isEqualTo("en");
    assertThat(byParameter.get("title").asString()).isEqualTo("jinshang-bank declined");
    assertThat(byParameter.get("body").asString()).contains(": insufficient collateral.");

    String byHeader =
        http.get()
            .uri("/api/v1/notifications/" + chinese.get("id").asString())
            .headers(h -> h.setBearerAuth(token))
            .header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(json.readTree(byHeader).get("language").asString()).isEqualTo("en");

    http.get()
        .uri("/api/v1/notifications?lang=fr")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("lang");
  }

  @Test
  void aTenantReadsAndMarksOnlyItsOwnNotifications() {
    String county = freshCounty();
    UUID project = UUID.randomUUID();
    publishDecline(county, project);
    String owner = TestTokens.county(county);
    String id =
        awaitNotifications(owner, project.toString(), found -> !found.isEmpty())
            .get(0)
            .get("id")
            .asString();

    for (String stranger :
        List.of(
            TestTokens.county(freshCounty()),
            TestTokens.bank("cib-changzhi"),
            TestTokens.operator("1404"))) {
      http.get()
          .uri("/api/v1/notifications/" + id)
          .headers(h -> h.setBearerAuth(stranger))
          .exchange()
          .expectStatus()
          .isNotFound();
      http.post()
          .uri("/api/v1/notifications/" + id + "/read")
          .headers(h -> h.setBearerAuth(stranger))
          .exchange()
          .expectStatus()
          .isNotFound();
    }

    assertThat(notificationsAbout(owner, project.toString(), "&unread=true")).hasSize(1);
    http.post()
        .uri("/api/v1/notifications/" + id + "/read")
        .headers(h -> h.setBearerAuth(owner))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.readAt")
        .isNotEmpty();
    assertThat(notificationsAbout(owner, project.toString(), "&unread=true")).isEmpty();
    assertThat(notificationsAbout(owner, project.toString())).hasSize(1);

    http.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
    http.get()
        .uri("/api/v1/notifications")
        .headers(
            h ->
                h.setBearerAuth(
                    TestTokens.issue(
                        "COUNTY", county, List.of("projects:read"), Duration.ofMinutes(5))))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aMalformedEventIsDeadLetteredAndTheEventsBehindItStillFlow() {
    String county = freshCounty();
    UUID project = UUID.randomUUID();
    String key = project.toString();
    Map<String, Object> noMatchId = new LinkedHashMap<>(decline(project, county, "jinshang-bank"));
    noMatchId.remove("matchId");
    producers.publish(Topics.BANK_RESPONSES, "io.huoshui.credit.BankResponded.v1", key, noMatchId);
    producers.sendRaw(Topics.BANK_RESPONSES, key, "{not an envelope");
    producers.publish(
        Topics.BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        key,
        decline(project, county, "jinshang-bank"));

    assertThat(awaitNotifications(TestTokens.county(county), key, found -> !found.isEmpty()))
        .hasSize(1);
    ConsumerRecord<String, String> dead =
        KafkaRecords.awaitRecord(
            bootstrapServers, DeadLetters.topicFor(Topics.BANK_RESPONSES), key);
    assertThat(dead.value()).contains("BankResponded");
  }

  @Test
  void aBankIsRemindedOnceWhenItsFirstAnswerIsDueOneWorkingDayAway() {
    String county = freshCounty();
    String bank = "changan-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    UUID answered = UUID.randomUUID();
    // Thursday the 3rd of December: reminded on Wednesday, not on Tuesday.
    LocalDate deadline = LocalDate.of(2026, 12, 3);
    // The answer is read before the match it answers (another topic): it still counts.
    producers.publish(
        Topics.BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        project.toString(),
        response(answered, project, county, bank, "INTEREST", "1000000.00"));
    awaitNotifications(TestTokens.county(county), project.toString(), found -> !found.isEmpty());
    producers.publish(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        project.toString(),
        proposed(match, project, county, bank, UUID.randomUUID(), deadline));
    producers.publish(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        project.toString(),
        proposed(answered, project, county, bank, UUID.randomUUID(), deadline));
    String token = TestTokens.bank(bank);
    awaitNotifications(token, project.toString(), found -> found.size() == 2);

    setChinaTime(LocalDate.of(2026, 12, 1));
    reminders.sweep().block();
    assertThat(kinds(notificationsAbout(token, project.toString())))
        .doesNotContain("DEADLINE_NEAR");

    setChinaTime(LocalDate.of(2026, 12, 2));
    reminders.sweep().block();
    reminders.sweep().block();
    List<JsonNode> reminded = notificationsAbout(token, project.toString());
    assertThat(kinds(reminded))
        .containsExactly("DEADLINE_NEAR", "MATCH_PROPOSED", "MATCH_PROPOSED");
    assertThat(reminded.get(0).get("data").get("matchId").asString()).isEqualTo(match.toString());
    assertThat(reminded.get(0).get("body").asString()).contains("2026-12-03");
  }

  @Test
  void deadlinesAcrossNationalDayAreRemindedOnTheWorkingDayBeforeOnTheNetworksCalendar() {
    String county = freshCounty();
    String bank = "changan-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    // Thursday 8 October, the first working day after Golden Week (1 to 7 October 2026), and
    // Monday 12 October, after the make-up working Saturday of 10 October.
    UUID afterHoliday = UUID.randomUUID();
    UUID afterMakeUpDay = UUID.randomUUID();
    producers.publish(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        project.toString(),
        proposed(
            afterHoliday, project, county, bank, UUID.randomUUID(), LocalDate.of(2026, 10, 8)));
    producers.publish(
        Topics.MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        project.toString(),
        proposed(
            afterMakeUpDay, project, county, bank, UUID.randomUUID(), LocalDate.of(2026, 10, 12)));
    String token = TestTokens.bank(bank);
    awaitNotifications(token, project.toString(), found -> found.size() == 2);

    setChinaTime(LocalDate.of(2026, 9, 29));
    reminders.sweep().block();
    assertThat(remindedMatches(token, project)).isEmpty();

    // Wednesday 30 September: the next working day is 8 October, not the holiday of 1 October.
    setChinaTime(LocalDate.of(2026, 9, 30));
    reminders.sweep().block();
    assertThat(remindedMatches(token, project)).containsExactly(afterHoliday.toString());

    // Friday 9 October: the next working day is Saturday the 10th, so Monday is not due yet.
    setChinaTime(LocalDate.of(2026, 10, 9));
    reminders.sweep().block();
    assertThat(remindedMatches(token, project)).containsExactly(afterHoliday.toString());

    setChinaTime(LocalDate.of(2026, 10, 10));
    reminders.sweep().block();
    assertThat(remindedMatches(token, project))
        .containsExactly(afterMakeUpDay.toString(), afterHoliday.toString());
  }

  /** The matches the bank was reminded of about the demand, newest reminder first. */
  private List<String> remindedMatches(String token, UUID project) {
    return ofKind(token, project.toString(), "DEADLINE_NEAR").stream()
        .map(n -> n.get("data").get("matchId").asString())
        .toList();
  }

  private static JsonNode only(
      List<JsonNode> notifications, String kind, String fact, String value) {
    List<JsonNode> matching =
        notifications.stream()
            .filter(n -> n.get("kind").asString().equals(kind))
            .filter(n -> n.get("data").get(fact).asString().equals(value))
            .toList();
    assertThat(matching).as(kind + " with " + fact + " " + value).hasSize(1);
    return matching.get(0);
  }

  private void twice(String topic, String type, String subject, Map<String, Object> data) {
    EventEnvelope event = producers.event(type, subject, data);
    producers.send(topic, event);
    producers.send(topic, event);
    sent.add(event);
  }

  private double duplicates() {
    return meters.find("huoshui.events.consumed").tag("outcome", "duplicate").counters().stream()
        .filter(counter -> "notification-service".equals(counter.getId().getTag("consumer")))
        .mapToDouble(Counter::count)
        .sum();
  }
}
