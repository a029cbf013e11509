package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The story of docs/domain.md through the running network: 长子县 submits a green project, a bank
 * reads the match from its own topic, shows interest, approves and pays out in two tranches; the
 * county follows it to the end on its webhook and its live stream.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedStoryTest {

  private static final Duration OUTCOME = Duration.ofMinutes(2);
  private static final String COUNTY = "140428";

  private static final Api county = Api.as("county-" + COUNTY);
  private static final Api operator = Api.as("operator-1404");

  private static WebhookReceiver portal;
  private static String webhookSecret;
  private static String projectId;
  private static JsonNode pushed;
  private static String bankCode;
  private static final Map<String, Object> demand =
      Demands.green(COUNTY, "长子县碳减排技改项目", "20000000.00");

  @BeforeAll
  static void network() {
    SystemNetwork.get();
    portal = WebhookReceiver.start();
  }

  @AfterAll
  static void closePortal() {
    portal.close();
  }

  @Test
  @Order(1)
  void theCountyRegistersItsWebhookAndSubmitsADemandThroughTheGateway() {
    Api.Reply webhook = county.post("/api/v1/webhooks", Map.of("url", portal.url()));
    assertThat(webhook.status()).as(webhook.raw().body()).isEqualTo(201);
    webhookSecret = webhook.json().get("secret").asString();

    String key = UUID.randomUUID().toString();
    Api.Reply submitted = county.post("/api/v1/projects", demand, key);
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    projectId = submitted.json().get("id").asString();
    assertThat(submitted.header("Location")).endsWith("/api/v1/projects/" + projectId);
    assertThat(submitted.json().get("enterprise").get("name").asString())
        .isEqualTo("长子县碳减排技改项目有限公司");

    Api.Reply retried = county.post("/api/v1/projects", demand, key);
    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.json().get("id").asString()).isEqualTo(projectId);
  }

  @Test
  @Order(2)
  void theDemandIsMatchedAndTheBankReadsItAnonymisedFromItsOwnTopic() {
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId).json().get("status").asString(),
            status -> status.equals("PUSHED"));
    JsonNode matches = county.get("/api/v1/projects/" + projectId + "/matches").json();
    JsonNode best = matches.get("matches").get(0);
    bankCode = best.get("bankCode").asString();
    assertThat(best.get("reasons").isEmpty()).isFalse();

    try (BankTopic topic = BankTopic.of(bankCode)) {
      pushed =
          topic.awaitFirst(
              "MatchProposed",
              proposed -> projectId.equals(proposed.get("projectId").asString()),
              OUTCOME);
    }
    String received = pushed.toString();
    assertThat(received)
        .doesNotContain("长子县碳减排技改项目有限公司")
        .doesNotContain(((Map<?, ?>) demand.get("enterprise")).get("creditCode").toString())
        .doesNotContain("13800000000");
    assertThat(pushed.get("demand").get("amountRequested").asString()).isEqualTo("20000000.00");
  }

  @Test
  @Order(3)
  void theBankAnswersInterestThenSeesTheEnterpriseThenApprovesAndPaysOutInTwoTranches() {
    Api bank = Api.as("bank-" + bankCode);
    String matchId = pushed.get("matchId").asString();
    String path = "/api/v1/matches/" + matchId;

    await().atMost(OUTCOME).until(() -> bank.get(path).status(), status -> status == 200);
    assertThat(bank.get(path).raw().body()).doesNotContain("长子县碳减排技改项目有限公司");

    Answers.answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "20000000.00"));
    assertThat(bank.get(path).raw().body()).contains("长子县碳减排技改项目有限公司");

    Answers.answer(bank, matchId, Answers.approval("18000000.00", "3.850", 36));
    Answers.disbursed(bank, matchId, "10000000.00");
    Answers.disbursed(bank, matchId, "8000000.00");

    Api.Reply overdrawn =
        bank.post(
            path + "/responses",
            Map.of(
                "answer",
                "DISBURSEMENT",
                "amount",
                "0.01",
                "disbursedOn",
                LocalDate.now().toString()));
    assertThat(overdrawn.status()).isEqualTo(422);
    assertThat(overdrawn.header("Content-Type")).startsWith("application/problem+json");
    assertThat(overdrawn.json().get("code").asString()).isEqualTo("DISBURSEMENT_ABOVE_APPROVAL");
  }

  @Test
  @Order(4)
  void anotherBankPushedTheSameDemandDeclinesWithItsReason() {
    JsonNode matches =
        county.get("/api/v1/projects/" + projectId + "/matches").json().get("matches");
    JsonNode other = null;
    for (JsonNode match : matches) {
      if (!match.get("bankCode").asString().equals(bankCode)) {
        other = match;
      }
    }
    assertThat(other).as("a second bank's match in %s", matches).isNotNull();
    Api bank = Api.as("bank-" + other.get("bankCode").asString());
    Answers.answer(
        bank,
        other.get("matchId").asString(),
        Map.of("answer", "DECLINE", "reasonCode", "OUTSIDE_CREDIT_POLICY", "note", "不在本行授信政策范围内"));
  }

  @Test
  @Order(5)
  void theCountySeesTheOutcomeWithItsFunnelAndEveryStepInOrder() {
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId).json(),
            project -> "18000000.00".equals(project.get("funnel").get("disbursed").asString()));
    JsonNode project = county.get("/api/v1/projects/" + projectId).json();
    assertThat(project.get("status").asString()).isEqualTo("DISBURSED");
    assertThat(project.get("funnel").get("requested").asString()).isEqualTo("20000000.00");
    assertThat(project.get("funnel").get("intended").asString()).isEqualTo("20000000.00");
    assertThat(project.get("funnel").get("approved").asString()).isEqualTo("18000000.00");

    JsonNode timeline = county.get("/api/v1/projects/" + projectId + "/timeline").json();
    String steps = timeline.toString();
    assertThat(steps)
        .contains("SUBMITTED", "PUSHED", "BANK_INTEREST", "APPROVED", "DISBURSED", "BANK_DECLINE");

    Api.Reply otherCounty = Api.as("county-140423").get("/api/v1/projects/" + projectId);
    assertThat(otherCounty.status()).isEqualTo(404);
    assertThat(operator.get("/api/v1/projects/" + projectId).status()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void theCountyHearsEveryOutcomeOnceOnItsWebhookSignedAndOnItsLiveStream() {
    List<String> kinds =
        List.of(
            "MATCH_PROPOSED",
            "BANK_INTEREST",
            "BANK_APPROVAL",
            "BANK_DISBURSEMENT",
            "BANK_DECLINE");
    await()
        .atMost(OUTCOME)
        .until(
            () -> portal.deliveries().stream().map(WebhookReceiver.Delivery::body).toList(),
            bodies ->
                kinds.stream().allMatch(kind -> bodies.stream().anyMatch(b -> b.contains(kind))));
    Map<String, Integer> perId = new HashMap<>();
    for (WebhookReceiver.Delivery delivery : portal.deliveries()) {
      assertThat(WebhookReceiver.verifies(delivery, webhookSecret))
          .as("signature of %s", delivery.notificationId())
          .isTrue();
      perId.merge(delivery.notificationId(), 1, Integer::sum);
    }
    assertThat(perId.values()).allMatch(count -> count == 1);

    // Last-Event-ID 0: everything from the first notification on, as a portal's first connection.
    try (SseStream all = SseStream.open(county, "0")) {
      await().atMost(OUTCOME).until(() -> all.events().size() >= kinds.size());
      List<SseStream.Event> first = all.events();
      String resumeAfter = first.get(1).id();
      try (SseStream resumed = SseStream.open(county, resumeAfter)) {
        await().atMost(OUTCOME).until(() -> resumed.events().size() >= first.size() - 2);
        assertThat(resumed.events().get(0).id()).isEqualTo(first.get(2).id());
      }
    }
  }

  @Test
  @Order(7)
  void theCountyClosesTheDemandFinancedBelowTheAmountAndEveryStepNamesWhoTookIt() {
    Api.Reply closed =
        county.post(
            "/api/v1/projects/" + projectId + "/closure",
            Map.of("reason", "FINANCED_BELOW_AMOUNT", "note", "1800万元已到位，其余由企业自筹"));
    assertThat(closed.status()).as(closed.raw().body()).isEqualTo(200);
    assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");

    // The bank that paid out still held its match: closing the case ends it on the bank's topic.
    String matchId = pushed.get("matchId").asString();
    try (BankTopic topic = BankTopic.of(bankCode)) {
      JsonNode released =
          topic.awaitFirst(
              "MatchReleased", match -> matchId.equals(match.get("matchId").asString()), OUTCOME);
      assertThat(released.get("cause").asString()).isEqualTo("CLOSED");
    }

    String timeline = "/api/v1/projects/" + projectId + "/timeline";
    JsonNode steps =
        await()
            .atMost(OUTCOME)
            .until(
                () -> county.get(timeline).json(),
                all -> all.toString().contains("\"cause\":\"CLOSED\""));
    for (JsonNode step : steps) {
      JsonNode actor = step.get("actor");
      assertThat(actor).as("who took %s", step).isNotNull();
      assertThat(Api.text(actor, "service")).as("%s", step).isNotBlank();
      String kind = step.get("step").asString();
      if (kind.equals("SUBMITTED") || kind.equals("CLOSED")) {
        assertThat(Api.text(actor, "clientId")).as("%s", step).isEqualTo("county-" + COUNTY);
        assertThat(Api.text(actor, "requestId")).as("%s", step).isNotBlank();
      }
      if (kind.startsWith("BANK_") || kind.equals("APPROVED") || kind.equals("DISBURSED")) {
        assertThat(Api.text(actor, "clientId"))
            .as("%s", step)
            .isEqualTo("bank-" + step.get("bankCode").asString());
      }
    }
    assertThat(steps.toString()).contains("\"CLOSED\"", "FINANCED_BELOW_AMOUNT");
  }
}
