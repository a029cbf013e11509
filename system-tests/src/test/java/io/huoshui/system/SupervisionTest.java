package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Every demand reaches an outcome, on the running network: financed in full, exhausted and
 * re-opened, and 三色督办 at every stage of a match. For the colours the matching service is restarted
 * five weeks ahead ({@code huoshui.clock.offset}) instead of waiting, and for the National Day
 * holiday it and notification-service are restarted into the autumn of 2026; each sweeps every few
 * seconds instead of every minute or ten: the sweep is what is under test, not its schedule, and
 * the first sweep after a start would otherwise come a minute later.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionTest {

  private static final Duration OUTCOME = Duration.ofMinutes(2);
  private static final String COUNTY = "140428";
  private static final String JVM_OPTIONS =
      "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8";

  /**
   * Enough working days for a decision due ten working days after INTEREST to be four past its
   * deadline, whatever holidays the five weeks hold.
   */
  private static final String AHEAD = "P35D";

  private static final Api county = Api.as("county-" + COUNTY);
  private static final Api operator = Api.as("operator-1404");

  /** The demand financed in full, which no clock may chase once time has moved on. */
  private static String financedId;

  /** The demand whose interested match turned RED at the decision, and that match. */
  private static String redProjectId;

  private static String redMatchId;

  @AfterAll
  static void backToToday() {
    SystemNetwork network = SystemNetwork.get();
    network.stop("matching-service");
    network.stop("notification-service");
    network.up(Map.of());
  }

  @Test
  @Order(1)
  void aDemandOneBankFinancesInFullIsReleasedFinancedAtTheOtherBanks() {
    SystemNetwork.get();
    String amount = "10000000.00";
    financedId = submit(pledging("全额融资的减排设备项目", amount, List.of("EQUIPMENT", "EMISSION_RIGHTS")));
    JsonNode matches = awaitMatches(financedId, 2);
    JsonNode financing = matches.get(0);
    JsonNode other = matches.get(1);
    String otherMatch = other.get("matchId").asString();

    Api bank = Api.as("bank-" + financing.get("bankCode").asString());
    String matchId = financing.get("matchId").asString();
    Answers.answer(bank, matchId, Map.of("answer", "INTEREST", "amount", amount));
    Answers.answer(bank, matchId, Answers.approval(amount, "3.900", 36));
    Answers.disbursed(bank, matchId, amount);

    try (BankTopic topic = BankTopic.of(other.get("bankCode").asString())) {
      JsonNode released =
          topic.awaitFirst(
              "MatchReleased",
              match -> otherMatch.equals(match.get("matchId").asString()),
              OUTCOME);
      assertThat(released.get("cause").asString()).isEqualTo("FINANCED");
    }
    JsonNode after = county.get(matchesOf(financedId)).json();
    assertThat(after.get("status").asString()).isEqualTo("FINANCED");
    assertThat(after.get("matches")).hasSize(2);
    await().atMost(OUTCOME).until(() -> statusOf(financedId), status -> status.equals("CLOSED"));
  }

  @Test
  @Order(2)
  void aDemandEveryBankDeclinesIsExhaustedAndAProductPublishedLaterReopensIt() {
    String projectId = submit(pledging("排污权质押的减排技改项目", "3000000.00", List.of("EMISSION_RIGHTS")));
    JsonNode only = awaitMatches(projectId, 1).get(0);
    Answers.answer(
        Api.as("bank-" + only.get("bankCode").asString()),
        only.get("matchId").asString(),
        Map.of("answer", "DECLINE", "reasonCode", "INSUFFICIENT_COLLATERAL", "note", "排污权评估价值不足"));

    await().atMost(OUTCOME).until(() -> statusOf(projectId), status -> status.equals("EXHAUSTED"));
    for (Api told : List.of(county, operator)) {
      await()
          .atMost(OUTCOME)
          .until(() -> aboutProject(told.notifications("DEMAND_EXHAUSTED"), projectId), n -> n > 0);
    }

    // 长子农商银行 had neither demand: its new product fits the exhausted one and the financed one.
    try (BankTopic topic = BankTopic.of("zhangzi-rcb")) {
      Api.Reply published =
          Api.as("bank-zhangzi-rcb").post("/api/v1/products", emissionRightsLoan());
      assertThat(published.status()).as(published.raw().body()).isEqualTo(201);
      String productId = published.json().get("productId").asString();
      JsonNode proposed =
          topic.awaitFirst(
              "MatchProposed",
              match -> projectId.equals(match.get("projectId").asString()),
              OUTCOME);
      assertThat(proposed.get("productId").asString()).isEqualTo(productId);
      assertThat(topic.dataOf("MatchProposed"))
          .noneMatch(match -> financedId.equals(match.get("projectId").asString()));
    }
    await().atMost(OUTCOME).until(() -> statusOf(projectId), status -> status.equals("PUSHED"));
    assertThat(county.get("/api/v1/projects/" + projectId + "/timeline").raw().body())
        .contains("\"EXHAUSTED\"", "\"REOPENED\"");
    assertThat(county.get(matchesOf(financedId)).json().get("matches")).hasSize(2);
  }

  @Test
  @Order(3)
  void pastTheirDeadlinesASilentMatchIsReleasedAndAnInterestedOneTurnsRedAtTheDecisionAndStays() {
    SystemNetwork network = SystemNetwork.get();
    String projectId = submit(Demands.green(COUNTY, "无人应答的节能项目", "6000000.00"));
    JsonNode matches = awaitMatches(projectId, 2);
    JsonNode interested = matches.get(0);
    String interestedMatch = interested.get("matchId").asString();
    String silentMatch = matches.get(1).get("matchId").asString();
    Answers.answer(
        Api.as("bank-" + interested.get("bankCode").asString()),
        interestedMatch,
        Map.of("answer", "INTEREST", "amount", "6000000.00"));
    await()
        .atMost(OUTCOME)
        .until(() -> Api.text(match(projectId, interestedMatch), "stage"), "DECISION"::equals);

    network.kill("matching-service");
    network.up(
        Map.of(
            "HUOSHUI_JAVA_OPTS",
            JVM_OPTIONS
                + " -Dhuoshui.clock.offset="
                + AHEAD
                + " -Dhuoshui.matching.sweep-interval=3s"));

    await()
        .atMost(OUTCOME)
        .until(
            () -> match(projectId, silentMatch).toString(),
            silent -> silent.contains("\"releaseCause\":\"RED\""));
    // The escalations are events of their own, each reaching the county's timeline and the
    // operator when its consumer has read it: awaited, not assumed.
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId + "/timeline").raw().body(),
            timeline -> timeline.contains("RED"));

    try (BankTopic topic = BankTopic.of(interested.get("bankCode").asString())) {
      topic.awaitFirst(
          "MatchEscalated",
          escalation ->
              interestedMatch.equals(escalation.get("matchId").asString())
                  && escalation.get("colour").asString().equals("RED"),
          OUTCOME);
      List<String> colours = new ArrayList<>();
      for (JsonNode escalation : topic.dataOf("MatchEscalated")) {
        if (interestedMatch.equals(escalation.get("matchId").asString())) {
          assertThat(escalation.get("stage").asString()).isEqualTo("DECISION");
          colours.add(escalation.get("colour").asString());
        }
      }
      // Each colour once, in order; a case still open goes on to a further RED, a level up.
      assertThat(colours).startsWith("BLUE", "YELLOW", "RED");
      assertThat(colours.subList(3, colours.size())).allMatch("RED"::equals);
    }
    await()
        .atMost(OUTCOME)
        .until(
            () ->
                operator.notifications("MATCH_ESCALATED").stream()
                    .map(notice -> notice.get("data"))
                    .filter(data -> interestedMatch.equals(data.get("matchId").asString()))
                    .anyMatch(data -> data.get("colour").asString().equals("RED")));
    redProjectId = projectId;
    redMatchId = interestedMatch;
    JsonNode stays = match(projectId, interestedMatch);
    assertThat(stays.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(stays.get("colour").asString()).isEqualTo("RED");
    assertThat(Api.text(stays, "releaseCause")).as("%s", stays).isNull();

    // The sweeps that turned these RED passed over the financed demand: nothing of it is chased.
    assertThat(aboutProject(operator.notifications("MATCH_ESCALATED"), financedId)).isZero();
    assertThat(aboutProject(county.notifications("MATCH_ESCALATED"), financedId)).isZero();
    assertThat(county.get("/api/v1/projects/" + financedId + "/timeline").raw().body())
        .doesNotContain("SUPERVISION_NOTICE");
  }

  /**
   * The pack reads the notices from the timeline that events built, so each figure is awaited. A
   * closure (销号) closes every notice of its match, and the sweep may have announced several levels
   * of RED for the one match: what the pack must count is read off the timeline, not assumed.
   */
  @Test
  @Order(4)
  void theOfficeClosesTheRedCaseAndTheQuarterlyPackCountsItsNoticesClosedByThatReason() {
    String timeline = "/api/v1/projects/" + redProjectId + "/timeline";
    JsonNode red =
        await()
            .atMost(OUTCOME)
            .until(
                () -> noticesOf(county.get(timeline).json(), "RED").stream().findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    String quarter =
        "/api/v1/reports/quarterly?county=%s&quarter=%s"
            .formatted(COUNTY, quarterOf(Instant.parse(red.get("at").asString())));
    JsonNode before = operator.get(quarter).json();

    Api.Reply closed =
        operator.post(
            "/api/v1/supervision/matches/" + redMatchId + "/closure",
            Map.of("reason", "BANK_ANSWERED_OFFLINE", "note", "银行已线下答复企业，正在补充审批材料"));
    assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
    assertThat(closed.json().get("action").asString()).isEqualTo("CLOSED");

    JsonNode closure = match(redProjectId, redMatchId).get("supervision").get("closure");
    assertThat(closure).as("the case's closure").isNotNull();
    assertThat(closure.get("reason").asString()).isEqualTo("BANK_ANSWERED_OFFLINE");
    assertThat(closure.get("clientId").asString()).isEqualTo("operator-1404");
    assertThat(closure.get("operatorRegion").asString()).isEqualTo("1404");
    assertThat(
            operator
                .get("/api/v1/supervision?closed=true&county=" + COUNTY + "&size=100")
                .json()
                .get("items"))
        .anySatisfy(
            onBoard -> {
              assertThat(onBoard.get("matchId").asString()).isEqualTo(redMatchId);
              assertThat(onBoard.get("supervision").get("closure").get("reason").asString())
                  .isEqualTo("BANK_ANSWERED_OFFLINE");
            });

    // One demand's events keep their order: once the closure is on the timeline, so is every
    // notice it closes, and the stopped clock raises no more.
    JsonNode steps =
        await()
            .atMost(OUTCOME)
            .until(
                () -> county.get(timeline).json(),
                all -> all.toString().contains("\"SUPERVISION_ACTED\""));
    JsonNode acted = null;
    for (JsonNode step : steps) {
      if (step.get("step").asString().equals("SUPERVISION_ACTED")) {
        acted = step;
      }
    }
    assertThat(acted.get("details").get("reason").asString()).isEqualTo("BANK_ANSWERED_OFFLINE");
    assertThat(acted.get("actor").get("clientId").asString()).isEqualTo("operator-1404");
    long notices = noticesOf(steps, null).size();
    long redNotices = noticesOf(steps, "RED").size();

    JsonNode after =
        await()
            .atMost(OUTCOME)
            .until(
                () -> operator.get(quarter).json(),
                pack -> offline(pack) == offline(before) + notices);
    assertThat(redClosed(after)).isEqualTo(redClosed(before) + redNotices);
  }

  /**
   * Pushed on Wednesday 30 September 2026, a first answer is due three working days later: 8 and 9
   * October after the National Day holiday, and Saturday 10 October, the make-up working day. The
   * reminder comes the working day before, Friday 9 October. Matching runs on the 30th and
   * notification-service on the 9th: each reads its own offset from the one set of options.
   */
  @Test
  @Order(5)
  void aDeadlineAcrossNationalDayFallsOnTheMakeUpSaturdayForMatchingAndForTheReminder() {
    SystemNetwork network = SystemNetwork.get();
    network.kill("matching-service");
    network.kill("notification-service");
    network.up(
        Map.of(
            "HUOSHUI_JAVA_OPTS",
            JVM_OPTIONS
                + " -Dhuoshui.clock.offset=${system-test.offset.${spring.application.name}:PT0S}"
                + " -Dsystem-test.offset.matching-service="
                + offsetTo("2026-09-30T10:00:00+08:00")
                + " -Dsystem-test.offset.notification-service="
                + offsetTo("2026-10-09T10:00:00+08:00")
                + " -Dhuoshui.matching.sweep-interval=3s"
                + " -Dhuoshui.notifications.deadlines.sweep-every=3s"));

    String projectId = submit(Demands.green(COUNTY, "国庆节前推送的节能项目", "7000000.00"));
    JsonNode pushed = awaitMatches(projectId, 1).get(0);
    assertThat(pushed.get("proposedAt").asString()).startsWith("2026-09-30");
    assertThat(pushed.get("deadline").asString()).isEqualTo("2026-10-10");

    String matchId = pushed.get("matchId").asString();
    Api bank = Api.as("bank-" + pushed.get("bankCode").asString());
    JsonNode reminder =
        await()
            .atMost(OUTCOME)
            .until(
                () ->
                    bank.notifications("DEADLINE_NEAR").stream()
                        .filter(
                            notice -> matchId.equals(notice.get("data").get("matchId").asString()))
                        .findFirst(),
                found -> found.isPresent())
            .orElseThrow();
    assertThat(reminder.get("data").get("deadline").asString()).isEqualTo("2026-10-10");
    assertThat(
            OffsetDateTime.parse(reminder.get("createdAt").asString())
                .atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .toLocalDate())
        .isEqualTo(LocalDate.parse("2026-10-09"));
  }

  /** The quarter of the review, as the pack names it, of that moment's day in China. */
  private static String quarterOf(Instant moment) {
    LocalDate day = moment.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  /** The supervision notices of the RED case's match on a timeline, of one colour or of any. */
  private static List<JsonNode> noticesOf(JsonNode steps, String colour) {
    List<JsonNode> notices = new ArrayList<>();
    for (JsonNode step : steps) {
      JsonNode details = step.get("details");
      if (step.get("step").asString().equals("SUPERVISION_NOTICE")
          && redMatchId.equals(details.get("matchId").asString())
          && (colour == null || colour.equals(details.get("colour").asString()))) {
        notices.add(step);
      }
    }
    return notices;
  }

  private static long offline(JsonNode pack) {
    return figure(pack.get("closures"), "reason", "BANK_ANSWERED_OFFLINE", "notices");
  }

  private static long redClosed(JsonNode pack) {
    return figure(pack.get("supervision"), "colour", "RED", "closed");
  }

  /** A figure of the pack's row whose member has this value, zero when no row has it. */
  private static long figure(JsonNode rows, String member, String value, String figure) {
    for (JsonNode row : rows) {
      if (value.equals(row.get(member).asString())) {
        return row.get(figure).asLong();
      }
    }
    return 0;
  }

  /** From now to that moment, as the ISO-8601 duration huoshui.clock.offset reads. */
  private static String offsetTo(String moment) {
    return Duration.between(
            Instant.now().truncatedTo(ChronoUnit.SECONDS), OffsetDateTime.parse(moment).toInstant())
        .toString();
  }

  /** A small green firm of the county offering exactly this collateral. */
  private static Map<String, Object> pledging(
      String title, String amount, List<String> collateral) {
    Map<String, Object> demand = Demands.green(COUNTY, title, amount);
    demand.put("collateral", collateral);
    return demand;
  }

  /** 长子农商银行's emission-rights pledge loan for the county's small and medium industry. */
  private static Map<String, Object> emissionRightsLoan() {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", "排污权质押贷");
    product.put("category", "GREEN");
    product.put("minAmount", "500000.00");
    product.put("maxAmount", "20000000.00");
    product.put("minTermMonths", 12);
    product.put("maxTermMonths", 60);
    product.put("minAnnualRate", "3.900");
    product.put("maxAnnualRate", "5.600");
    product.put("industries", List.of("INDUSTRY_AND_SOFTWARE"));
    product.put("enterpriseSizes", List.of("SMALL", "MEDIUM"));
    product.put("regions", List.of(COUNTY));
    product.put("collateral", List.of("EMISSION_RIGHTS"));
    product.put("tags", List.of("GREEN"));
    product.put("validFrom", "2026-01-01");
    product.put("validTo", "2027-12-31");
    product.put("budget", "50000000.00");
    return product;
  }

  private static String submit(Map<String, Object> demand) {
    Api.Reply submitted = county.post("/api/v1/projects", demand);
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    return submitted.json().get("id").asString();
  }

  /** The demand's matches once it has this many, best first. */
  private static JsonNode awaitMatches(String projectId, int count) {
    return await()
        .atMost(OUTCOME)
        .until(
            () -> county.get(matchesOf(projectId)),
            reply -> reply.ok() && reply.json().get("matches").size() >= count)
        .json()
        .get("matches");
  }

  private static JsonNode match(String projectId, String matchId) {
    for (JsonNode match : county.get(matchesOf(projectId)).json().get("matches")) {
      if (matchId.equals(match.get("matchId").asString())) {
        return match;
      }
    }
    throw new AssertionError("no match " + matchId + " of " + projectId);
  }

  private static String matchesOf(String projectId) {
    return "/api/v1/projects/" + projectId + "/matches";
  }

  private static String statusOf(String projectId) {
    return county.get("/api/v1/projects/" + projectId).json().get("status").asString();
  }

  private static long aboutProject(List<JsonNode> notifications, String projectId) {
    return notifications.stream()
        .filter(notice -> projectId.equals(Api.text(notice, "subject")))
        .count();
  }
}
