package io.huoshui.notification.intake;

import static io.huoshui.notification.EventData.acted;
import static io.huoshui.notification.EventData.proposed;
import static io.huoshui.notification.EventData.redAtDecision;
import static io.huoshui.notification.EventData.response;
import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the financial offices do about a case and whom a case is escalated to, on matching's own
 * examples; and the reminders of the later stages of a match, on the network's calendar.
 */
class SupervisionNoticesTest extends NotificationServiceTest {

  @Autowired DeadlineReminders reminders;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aClosedCaseIsToldToTheCountyAndTheBankAndIsNeitherEscalatedNorRemindedAfter() {
    String county = freshCounty();
    String bank = "jinshang-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID closed = UUID.randomUUID();
    UUID open = UUID.randomUUID();
    LocalDate deadline = LocalDate.of(2026, 12, 3);
    for (UUID match : List.of(closed, open)) {
      publish(
          EventTypes.MATCH_PROPOSED,
          project,
          proposed(match, project, county, bank, UUID.randomUUID(), deadline));
    }
    publish(EventTypes.SUPERVISION_ACTED, project, acted("closed", project, county, closed, bank));
    for (UUID match : List.of(closed, open)) {
      publish(
          EventTypes.MATCH_ESCALATED,
          project,
          redAtDecision("red-decision", match, project, county, bank));
    }

    String toBank = TestTokens.bank(bank);
    List<JsonNode> bankNotices =
        awaitNotifications(toBank, project.toString(), found -> found.size() == 4);
    assertThat(kinds(bankNotices))
        .containsExactly(
            "MATCH_ESCALATED", "SUPERVISION_ACTED", "MATCH_PROPOSED", "MATCH_PROPOSED");
    assertThat(bankNotices.get(0).get("data").get("matchId").asString()).isEqualTo(open.toString());
    JsonNode closure = bankNotices.get(1);
    assertThat(closure.get("title").asString()).isEqualTo("金融办督办：督办事项销号");
    assertThat(closure.get("body").asString())
        .contains("金融办（1404）", "销号", "银行已线下答复", "不再提醒或督办", "银行已于10月19日线下对接企业");
    assertThat(closure.get("data").has("projectTitle")).isFalse();
    assertThat(closure.get("data").get("actedBy").asString()).isEqualTo("operator-1404");

    List<JsonNode> countyNotices =
        awaitNotifications(
            TestTokens.county(county),
            project.toString(),
            found -> kinds(found).contains("SUPERVISION_ACTED"));
    assertThat(kinds(countyNotices)).containsOnlyOnce("SUPERVISION_ACTED", "MATCH_ESCALATED");
    JsonNode toCounty =
        ofKind(TestTokens.county(county), project.toString(), "SUPERVISION_ACTED").get(0);
    assertThat(toCounty.get("body").asString()).contains("督办事项销号", "原因：银行已线下答复");
    JsonNode english =
        get(
            TestTokens.county(county),
            "/api/v1/notifications/" + toCounty.get("id").asString() + "?lang=en");
    assertThat(english.get("title").asString()).isEqualTo("Financial office: case closed");
    assertThat(english.get("body").asString()).contains("the bank answered offline");

    setChinaTime(deadline.minusDays(1));
    reminders.sweep().block();
    assertThat(
            ofKind(toBank, project.toString(), "DEADLINE_NEAR").stream()
                .map(n -> n.get("data").get("matchId").asString()))
        .containsExactly(open.toString());
  }

  @Test
  void aPushToANamedProductIsToldToTheCountyAndToTheBankItWentTo() {
    String county = freshCounty();
    String bank = "changzhi-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID pushed = UUID.randomUUID();
    publish(EventTypes.SUPERVISION_ACTED, project, acted("pushed", project, county, pushed, bank));

    JsonNode toBank =
        awaitNotifications(TestTokens.bank(bank), project.toString(), found -> !found.isEmpty())
            .get(0);
    assertThat(toBank.get("kind").asString()).isEqualTo("SUPERVISION_ACTED");
    assertThat(toBank.get("body").asString()).contains("人工推送至指定产品", "请及时答复", "请长治银行科技贷产品组优先对接");
    JsonNode toCounty =
        awaitNotifications(TestTokens.county(county), project.toString(), found -> !found.isEmpty())
            .get(0);
    assertThat(toCounty.get("title").asString()).isEqualTo("金融办督办：人工推送");
    assertThat(toCounty.get("data").get("matchId").asString()).isEqualTo(pushed.toString());
  }

  @Test
  void aRedCaseRaisedToTheCityReachesTheCitysOfficeOnlyAndNamesTheStage() {
    String county = freshCounty();
    String bank = "jinshang-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    publish(
        EventTypes.MATCH_ESCALATED,
        project,
        redAtDecision("red-to-city", match, project, county, bank));
    // A marker on the same partition: once the county has it, the escalation was applied.
    publish(
        EventTypes.SUPERVISION_ACTED,
        project,
        acted("pushed", project, county, UUID.randomUUID(), bank));
    awaitNotifications(TestTokens.county(county), project.toString(), found -> found.size() == 2);

    String city = county.substring(0, 4);
    List<JsonNode> toCity = notificationsAbout(TestTokens.operator(city), project.toString());
    assertThat(kinds(toCity)).containsExactly("MATCH_ESCALATED");
    assertThat(toCity.get(0).get("title").asString())
        .isEqualTo("红色督办（升级至市级）：县区 " + county + "授信决定逾期");
    assertThat(toCity.get(0).get("body").asString()).contains("表达意向后未在 2026-10-20 前作出授信决定");
    assertThat(notificationsAbout(TestTokens.operator("14"), project.toString())).isEmpty();
    assertThat(notificationsAbout(TestTokens.operator(county), project.toString())).isEmpty();
    JsonNode toBank = ofKind(TestTokens.bank(bank), project.toString(), "MATCH_ESCALATED").get(0);
    assertThat(toBank.get("title").asString()).isEqualTo("红色督办：授信决定逾期");
  }

  /**
   * The producer's example announces a product's own clocks: 5 working days for the decision, 8 for
   * the first disbursement. A match announced without them runs on the network's 10.
   */
  @Test
  void theDecisionAndTheFirstDisbursementAreRemindedTheWorkingDayBeforeTheAnnouncedDeadline() {
    String county = freshCounty();
    String bank = "cib-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    UUID declined = UUID.randomUUID();
    UUID unannounced = UUID.randomUUID();
    for (UUID proposal : List.of(match, declined, unannounced)) {
      Map<String, Object> proposed =
          proposed(proposal, project, county, bank, UUID.randomUUID(), LocalDate.of(2026, 9, 30));
      assertThat(proposed).containsEntry("decisionWorkingDays", 5);
      if (proposal == unannounced) {
        proposed.remove("decisionWorkingDays");
        proposed.remove("disbursementWorkingDays");
      }
      publish(EventTypes.MATCH_PROPOSED, project, proposed);
    }
    String token = TestTokens.bank(bank);
    awaitNotifications(token, project.toString(), found -> found.size() == 3);
    // INTEREST on Tuesday 29 September. Five working days skip Golden Week (1–7 October): 30
    // September, 8, 9, 10 (the make-up Saturday) and 12 October, the deadline; the reminder comes
    // the working day before, on the make-up Saturday. Ten days, for the match announced without
    // its days, end on Monday 19 October.
    answer(match, project, county, bank, "INTEREST", LocalDate.of(2026, 9, 29));
    answer(unannounced, project, county, bank, "INTEREST", LocalDate.of(2026, 9, 29));
    // The other bank's decline after its INTEREST stops its clock: it owes nothing more.
    answer(declined, project, county, bank, "INTEREST", LocalDate.of(2026, 9, 29));
    answer(declined, project, county, bank, "DECLINE", LocalDate.of(2026, 10, 8));

    sweepOn(LocalDate.of(2026, 10, 9));
    assertThat(reminders(token, project)).isEmpty();
    sweepOn(LocalDate.of(2026, 10, 10));
    sweepOn(LocalDate.of(2026, 10, 10));
    List<JsonNode> decision = reminders(token, project);
    assertThat(decision).hasSize(1);
    assertThat(decision.get(0).get("title").asString()).startsWith("授信决定期限将至");
    assertThat(decision.get(0).get("body").asString()).contains("2026-10-12");
    assertThat(decision.get(0).get("data").get("stage").asString()).isEqualTo("DECISION");
    assertThat(decision.get(0).get("data").get("matchId").asString()).isEqualTo(match.toString());

    sweepOn(LocalDate.of(2026, 10, 15));
    assertThat(reminders(token, project)).hasSize(1);
    sweepOn(LocalDate.of(2026, 10, 16));
    List<JsonNode> byDefault = reminders(token, project);
    assertThat(byDefault).hasSize(2);
    assertThat(byDefault.get(0).get("data").get("matchId").asString())
        .isEqualTo(unannounced.toString());
    assertThat(byDefault.get(0).get("body").asString()).contains("2026-10-19");

    // APPROVAL on Friday 16 October: eight working days, the first disbursement is due on
    // Wednesday 28 October.
    answer(match, project, county, bank, "APPROVAL", LocalDate.of(2026, 10, 16));
    sweepOn(LocalDate.of(2026, 10, 26));
    assertThat(reminders(token, project)).hasSize(2);
    sweepOn(LocalDate.of(2026, 10, 27));
    List<JsonNode> disbursement = reminders(token, project);
    assertThat(disbursement).hasSize(3);
    assertThat(disbursement.get(0).get("title").asString()).startsWith("首次放款期限将至");
    assertThat(disbursement.get(0).get("body").asString()).contains("2026-10-28");
    assertThat(disbursement.get(0).get("data").get("matchId").asString())
        .isEqualTo(match.toString());
  }

  /** The bank's answer at ten in the morning of that day in China, once the county has it. */
  private void answer(
      UUID match, UUID project, String county, String bank, String answer, LocalDate on) {
    Map<String, Object> data = response(match, project, county, bank, answer, "1000000.00");
    Instant at = on.atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant();
    data.put("respondedAt", at.toString());
    producers.publish(Topics.BANK_RESPONSES, EventTypes.BANK_RESPONDED, project.toString(), data);
    awaitNotifications(
        TestTokens.county(county),
        project.toString(),
        found -> found.stream().anyMatch(n -> n.get("kind").asString().equals("BANK_" + answer)));
  }

  private void sweepOn(LocalDate day) {
    setChinaTime(day);
    reminders.sweep().block();
  }

  private List<JsonNode> reminders(String token, UUID project) {
    return ofKind(token, project.toString(), "DEADLINE_NEAR");
  }

  private void publish(String type, UUID project, Map<String, Object> data) {
    producers.publish(Topics.MATCHES, type, project.toString(), data);
  }
}
