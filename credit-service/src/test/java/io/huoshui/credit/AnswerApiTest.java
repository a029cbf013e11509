package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class AnswerApiTest extends CreditApiTest {

  private static final Map<String, Object> INTEREST =
      Map.of("answer", "INTEREST", "amount", "70000000.00");
  private static final Map<String, Object> APPROVAL =
      Map.of("answer", "APPROVAL", "amount", "70000000.00", "annualRate", "3.85", "termMonths", 36);

  private String bank;
  private String productId;

  @BeforeEach
  void aBankWithAProduct() {
    bank = newBank("PROVINCIAL");
    productId = publish(bank, product("maxAmount", "200000000.00")).get("productId").asString();
  }

  @Test
  void theBankSeesTheDemandAnonymisedUntilItDeclaresInterestAndInFullAfter() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");

    JsonNode inboxItem = get(TestTokens.bank(bank), "/api/v1/matches/inbox").get("items").get(0);
    assertThat(inboxItem.get("matchId").asString()).isEqualTo(matchId.toString());
    assertThat(inboxItem.get("status").asString()).isEqualTo("PROPOSED");
    assertThat(inboxItem.get("disclosed").asBoolean()).isFalse();
    assertAnonymised(inboxItem.get("demand"));
    assertAnonymised(
        get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("match").get("demand"));

    JsonNode interest =
        body(
            answer(bank, matchId, INTEREST)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value(
                    "Location",
                    location ->
                        assertThat(location)
                            .startsWith("/api/v1/matches/" + matchId + "/responses/")));
    assertThat(interest.get("answer").asString()).isEqualTo("INTEREST");

    JsonNode disclosed = get(TestTokens.bank(bank), "/api/v1/matches/" + matchId);
    assertThat(disclosed.get("match").get("disclosed").asBoolean()).isTrue();
    assertThat(disclosed.get("match").get("status").asString()).isEqualTo("INTERESTED");
    JsonNode demand = disclosed.get("match").get("demand");
    JsonNode submitted =
        Contracts.example(EventTypes.PROJECT_SUBMITTED, "toy-plant").envelope().data();
    assertThat(demand.get("enterprise")).isEqualTo(submitted.get("enterprise"));
    assertThat(demand.get("contact")).isEqualTo(submitted.get("contact"));
    assertThat(disclosed.get("responses")).hasSize(1);
  }

  @Test
  void interestApprovalAndDisbursementInTranchesAreRecordedAndAnnounced() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");
    String projectId = projectOf(matchId);

    answer(bank, matchId, INTEREST).expectStatus().isCreated();
    answer(bank, matchId, APPROVAL).expectStatus().isCreated();
    answer(bank, matchId, disbursement("30000000")).expectStatus().isCreated();
    answer(bank, matchId, disbursement("40000000.00")).expectStatus().isCreated();

    JsonNode match = get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("match");
    assertThat(match.get("status").asString()).isEqualTo("DISBURSED");
    assertThat(match.get("totals").get("intended").asString()).isEqualTo("70000000.00");
    assertThat(match.get("totals").get("approved").asString()).isEqualTo("70000000.00");
    assertThat(match.get("totals").get("disbursed").asString()).isEqualTo("70000000.00");

    List<EventEnvelope> responded =
        events("huoshui.bank-responses", projectId, found -> found.size() >= 4);
    assertThat(responded)
        .extracting(event -> event.data().get("answer").asString())
        .containsExactly("INTEREST", "APPROVAL", "DISBURSEMENT", "DISBURSEMENT");
    responded.forEach(Contracts::assertConforms);
    EventEnvelope approval = responded.get(1);
    assertThat(approval.data().get("annualRate").asString()).isEqualTo("3.85");
    assertThat(approval.data().get("termMonths").asInt()).isEqualTo(36);
    assertThat(approval.data().get("county").asString()).isEqualTo(ZHANGZI);
    assertThat(responded.get(3).data().get("totals").get("disbursed").asString())
        .isEqualTo("70000000.00");
    assertThat(responded.get(2).data().get("amount").asString()).isEqualTo("30000000.00");
    JsonNode recorded = get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("responses");
    assertThat(recorded.get(1).get("annualRate").asString()).isEqualTo("3.85");
    assertThat(recorded.get(2).get("amount").asString()).isEqualTo("30000000.00");

    JsonNode product = get(TestTokens.bank(bank), "/api/v1/products/" + productId);
    assertThat(product.get("remainingBudget").asString()).isEqualTo("430000000.00");
    List<EventEnvelope> productEvents =
        events("huoshui.products", productId, found -> found.size() >= 2);
    assertThat(productEvents.get(1).type()).isEqualTo("io.huoshui.credit.ProductUpdated.v1");
    assertThat(productEvents.get(1).data().get("remainingBudget").asString())
        .isEqualTo("430000000.00");
  }

  @Test
  void whoAnsweredIsKeptShownAndAnnouncedAndWhoPublishedTheProductIsKept() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");
    String requestId = "answer-" + matchId;

    JsonNode actor =
        body(http.post()
                .uri("/api/v1/matches/" + matchId + "/responses")
                .headers(
                    h -> {
                      h.setBearerAuth(TestTokens.bank(bank));
                      h.set("X-Request-Id", requestId);
                    })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INTEREST)
                .exchange()
                .expectStatus()
                .isCreated())
            .get("actor");

    assertThat(actor.get("clientId").asString()).isEqualTo("bank-" + bank);
    assertThat(actor.get("requestId").asString()).isEqualTo(requestId);
    assertThat(
            get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
                .get("responses")
                .get(0)
                .get("actor"))
        .isEqualTo(actor);
    EventEnvelope responded =
        events("huoshui.bank-responses", projectOf(matchId), found -> !found.isEmpty()).get(0);
    assertThat(responded.data().get("actor")).isEqualTo(actor);
    Contracts.assertConforms(responded);
    assertThat(
            database
                .sql(
                    "SELECT change || ' by ' || actor_client_id FROM product_change"
                        + " WHERE product_id = :id AND actor_request_id IS NOT NULL")
                .bind("id", UUID.fromString(productId))
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block())
        .containsExactly("NEW by bank-" + bank);
  }

  @Test
  void noApprovalBeforeInterestAndNoDisbursementBeforeApproval() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");

    assertProblem(answer(bank, matchId, APPROVAL), 409, "INTEREST_REQUIRED");
    assertProblem(answer(bank, matchId, disbursement("1.00")), 409, "APPROVAL_REQUIRED");
    answer(bank, matchId, INTEREST).expectStatus().isCreated();
    assertProblem(answer(bank, matchId, INTEREST), 409, "INTEREST_ALREADY_GIVEN");
    assertProblem(answer(bank, matchId, disbursement("1.00")), 409, "APPROVAL_REQUIRED");

    assertThat(responsesOf(matchId)).isEqualTo(1);
  }

  @Test
  void aRefusalIsWordedInChineseUnlessTheRequestAsksForEnglish() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");

    assertThat(refusalDetail(matchId, null)).isEqualTo("银行须先表达意向，才能批准授信。");
    assertThat(refusalDetail(matchId, "en"))
        .isEqualTo("A bank approves credit only after it declared interest.");
    assertThat(responsesOf(matchId)).isZero();
  }

  /** The detail of the 409 INTEREST_REQUIRED an approval before interest answers. */
  private String refusalDetail(UUID matchId, String language) {
    JsonNode problem =
        body(
            http.post()
                .uri("/api/v1/matches/" + matchId + "/responses")
                .headers(
                    h -> {
                      h.setBearerAuth(TestTokens.bank(bank));
                      if (language != null) {
                        h.set("Accept-Language", language);
                      }
                    })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(APPROVAL)
                .exchange()
                .expectStatus()
                .isEqualTo(409));
    assertThat(problem.get("code").asString()).isEqualTo("INTEREST_REQUIRED");
    return problem.get("detail").asString();
  }

  @Test
  void aDisbursementDatedTodayInChinaIsTakenWhileItIsStillYesterdayInUtc() {
    UUID matchId = interestedAndApproved(pushMatch(bank, productId, "100000000.00"));
    // 17:00 UTC is 01:00 of the next day in China, where the bank lends.
    Instant lateInUtc = LocalDate.now(clock).atTime(17, 0).toInstant(ZoneOffset.UTC);
    clock.set(lateInUtc);
    try {
      answer(
              bank,
              matchId,
              Map.of(
                  "answer",
                  "DISBURSEMENT",
                  "amount",
                  "1.00",
                  "disbursedOn",
                  LocalDate.ofInstant(lateInUtc, WorkingCalendar.ZONE).toString()))
          .expectStatus()
          .isCreated();
    } finally {
      clock.reset();
    }
  }

  @Test
  void totalDisbursedNeverExceedsTheApproval() {
    UUID matchId = interestedAndApproved(pushMatch(bank, productId, "100000000.00"));

    answer(bank, matchId, disbursement("69999999.99")).expectStatus().isCreated();
    assertProblem(answer(bank, matchId, disbursement("0.02")), 422, "DISBURSEMENT_ABOVE_APPROVAL");
    answer(bank, matchId, disbursement("0.01")).expectStatus().isCreated();
    assertProblem(answer(bank, matchId, disbursement("0.01")), 422, "DISBURSEMENT_ABOVE_APPROVAL");
    assertProblem(answer(bank, matchId, APPROVAL), 409, "ALREADY_APPROVED");
    assertProblem(
        answer(bank, matchId, Map.of("answer", "DECLINE", "reasonCode", "OUTSIDE_CREDIT_POLICY")),
        409,
        "ALREADY_APPROVED");
  }

  @Test
  void anApprovalAboveTheRequestedAmountNeedsAReason() {
    UUID matchId = pushMatch(bank, productId, "50000000.00");
    answer(bank, matchId, INTEREST).expectStatus().isCreated();

    assertProblem(answer(bank, matchId, APPROVAL), 422, "APPROVAL_ABOVE_REQUEST");

    JsonNode approval =
        body(
            answer(
                    bank,
                    matchId,
                    Map.of(
                        "answer", "APPROVAL",
                        "amount", "70000000.00",
                        "annualRate", "3.85",
                        "termMonths", 36,
                        "overRequestReason", "设备更新二期一并授信"))
                .expectStatus()
                .isCreated());
    assertThat(approval.get("overRequestReason").asString()).isEqualTo("设备更新二期一并授信");
  }

  @Test
  void aDeclinedMatchTakesNoFurtherAnswer() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");
    answer(bank, matchId, INTEREST).expectStatus().isCreated();

    JsonNode decline =
        body(
            answer(
                    bank,
                    matchId,
                    Map.of(
                        "answer", "DECLINE",
                        "reasonCode", "INSUFFICIENT_COLLATERAL",
                        "note", "设备抵押率不足"))
                .expectStatus()
                .isCreated());
    assertThat(decline.get("reasonCode").asString()).isEqualTo("INSUFFICIENT_COLLATERAL");

    assertProblem(answer(bank, matchId, APPROVAL), 409, "MATCH_DECLINED");
    assertProblem(
        answer(bank, matchId, Map.of("answer", "DECLINE", "reasonCode", "AMOUNT_TOO_LARGE")),
        409,
        "MATCH_DECLINED");
    assertThat(
            get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
                .get("match")
                .get("status")
                .asString())
        .isEqualTo("DECLINED");

    // The matching service lets the declined match go: the bank's inbox still says why.
    String projectId = projectOf(matchId);
    release(matchId, projectId, bank, productId, "DECLINED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
                    .get("match")
                    .hasNonNull("releasedCause"));
    JsonNode released = get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("match");
    assertThat(released.get("status").asString()).isEqualTo("DECLINED");
    assertThat(released.get("releasedCause").asString()).isEqualTo("DECLINED");
  }

  @Test
  void noAnswerOnAWithdrawnDemandOrAReleasedMatch() {
    UUID withdrawnMatch = pushMatch(bank, productId, "100000000.00");
    UUID projectId = UUID.fromString(projectOf(withdrawnMatch));
    send(
        "huoshui.projects",
        "project-service",
        EventTypes.PROJECT_WITHDRAWN,
        projectId.toString(),
        withdrawal(projectId, 2));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                get(TestTokens.bank(bank), "/api/v1/matches/" + withdrawnMatch)
                    .get("match")
                    .get("demandWithdrawn")
                    .asBoolean());
    assertProblem(answer(bank, withdrawnMatch, INTEREST), 409, "DEMAND_WITHDRAWN");

    UUID releasedMatch = pushMatch(bank, productId, "100000000.00");
    release(releasedMatch, projectOf(releasedMatch), bank, productId, "RED");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "RELEASED"
                    .equals(
                        get(TestTokens.bank(bank), "/api/v1/matches/" + releasedMatch)
                            .get("match")
                            .get("status")
                            .asString()));
    assertProblem(answer(bank, releasedMatch, INTEREST), 409, "MATCH_RELEASED");
  }

  @Test
  void anApprovalBeyondTheRemainingBudgetIsRefusedAndChargesNothing() {
    String small =
        publish(bank, product("name", "排污权质押贷款", "budget", "80000000.00"))
            .get("productId")
            .asString();
    UUID first = pushMatch(bank, small, "100000000.00");
    UUID second = pushMatch(bank, small, "100000000.00");
    interestedAndApproved(first);
    answer(bank, second, INTEREST).expectStatus().isCreated();

    assertProblem(answer(bank, second, APPROVAL), 409, "BUDGET_EXHAUSTED");

    assertThat(
            get(TestTokens.bank(bank), "/api/v1/products/" + small)
                .get("remainingBudget")
                .asString())
        .isEqualTo("10000000.00");
    assertThat(responsesOf(second)).isEqualTo(1);
    JsonNode match = get(TestTokens.bank(bank), "/api/v1/matches/" + second).get("match");
    assertThat(match.get("status").asString()).isEqualTo("INTERESTED");
    assertThat(match.get("totals").get("approved").asString()).isEqualTo("0.00");
  }

  @Test
  void aProductsBudgetCannotBeCutBelowWhatApprovalsCommitted() {
    interestedAndApproved(pushMatch(bank, productId, "100000000.00"));
    String uri = "/api/v1/products/" + productId;

    assertProblem(
        http.put()
            .uri(uri)
            .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
            .bodyValue(product("maxAmount", "200000000.00", "budget", "69999999.99"))
            .exchange(),
        422,
        "BUDGET_BELOW_COMMITTED");
    JsonNode cut =
        body(
            http.put()
                .uri(uri)
                .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
                .bodyValue(product("maxAmount", "200000000.00", "budget", "100000000.00"))
                .exchange()
                .expectStatus()
                .isOk());
    assertThat(cut.get("remainingBudget").asString()).isEqualTo("30000000.00");
  }

  @Test
  void anAnswerHasExactlyTheFieldsOfItsKind() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");

    assertInvalid(answer(bank, matchId, Map.of("answer", "INTEREST")), "amount");
    assertInvalid(
        answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "1.00", "termMonths", 12)),
        "termMonths");
    assertInvalid(answer(bank, matchId, Map.of("answer", "DECLINE")), "reasonCode");
    assertInvalid(
        answer(bank, matchId, Map.of("answer", "DECLINE", "reasonCode", "OTHER")), "note");
    assertInvalid(
        answer(bank, matchId, Map.of("answer", "DECLINE", "reasonCode", "TOO_RISKY")),
        "reasonCode");
    assertInvalid(
        answer(bank, matchId, Map.of("answer", "APPROVAL", "amount", "1.00", "termMonths", 12)),
        "annualRate");
    assertInvalid(
        answer(
            bank,
            matchId,
            Map.of(
                "answer", "DISBURSEMENT",
                "amount", "1.00",
                "disbursedOn", LocalDate.now(clock).plusDays(2).toString())),
        "disbursedOn");
    assertInvalid(answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "0")), "amount");
    assertInvalid(answer(bank, matchId, Map.of("answer", "MAYBE")), "answer");

    assertThat(responsesOf(matchId)).isZero();
  }

  @Test
  void anotherBankCannotSeeOrAnswerAMatchThatIsNotItsOwn() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");
    String other = newBank("PROVINCIAL");

    assertProblem(answer(other, matchId, INTEREST), 404, null);
    assertProblem(
        http.get()
            .uri("/api/v1/matches/" + matchId)
            .headers(h -> h.setBearerAuth(TestTokens.bank(other)))
            .exchange(),
        404,
        null);
    assertThat(get(TestTokens.bank(other), "/api/v1/matches/inbox").get("totalItems").asInt())
        .isZero();
    assertThat(responsesOf(matchId)).isZero();
  }

  @Test
  void onlyABankHasAnInboxAndAnswers() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");

    assertProblem(
        post(TestTokens.county(ZHANGZI), "/api/v1/matches/" + matchId + "/responses", INTEREST),
        403,
        null);
    assertProblem(
        post(TestTokens.operator(CHANGZHI), "/api/v1/matches/" + matchId + "/responses", INTEREST),
        403,
        null);
    assertProblem(
        http.get()
            .uri("/api/v1/matches/inbox")
            .headers(h -> h.setBearerAuth(TestTokens.operator(CHANGZHI)))
            .exchange(),
        403,
        null);
  }

  @Test
  void aRetriedAnswerWithTheSameIdempotencyKeyIsRecordedOnce() {
    UUID matchId = pushMatch(bank, productId, "100000000.00");
    String uri = "/api/v1/matches/" + matchId + "/responses";
    String key = UUID.randomUUID().toString();

    JsonNode first =
        body(postWithKey(TestTokens.bank(bank), uri, key, INTEREST).expectStatus().isCreated());
    JsonNode replayed =
        body(
            postWithKey(TestTokens.bank(bank), uri, key, INTEREST)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true"));

    assertThat(replayed.get("responseId")).isEqualTo(first.get("responseId"));
    assertThat(responsesOf(matchId)).isEqualTo(1);
  }

  @Test
  void theInboxIsFilteredByStatusAndDeadlineAndPaged() {
    UUID answered = pushMatch(bank, productId, "100000000.00");
    UUID waiting = pushMatch(bank, productId, "100000000.00");
    answer(bank, answered, INTEREST).expectStatus().isCreated();
    String token = TestTokens.bank(bank);

    assertThat(matchIds(get(token, "/api/v1/matches/inbox?status=PROPOSED")))
        .containsExactly(waiting.toString());
    assertThat(matchIds(get(token, "/api/v1/matches/inbox?status=INTERESTED")))
        .containsExactly(answered.toString());
    assertThat(
            matchIds(
                get(token, "/api/v1/matches/inbox?deadlineBefore=" + LocalDate.now().plusDays(6))))
        .containsExactlyInAnyOrder(answered.toString(), waiting.toString());
    assertThat(matchIds(get(token, "/api/v1/matches/inbox?deadlineBefore=" + LocalDate.now())))
        .isEmpty();
    JsonNode page = get(token, "/api/v1/matches/inbox?size=1&page=1");
    assertThat(page.get("totalItems").asInt()).isEqualTo(2);
    assertThat(page.get("items")).hasSize(1);
    assertInvalid(
        http.get()
            .uri("/api/v1/matches/inbox?status=OPEN")
            .headers(h -> h.setBearerAuth(token))
            .exchange(),
        "status");
  }

  @Test
  void theFunnelIsMeasuredPerBankAndCounty() {
    UUID matchId = interestedAndApproved(pushMatch(bank, productId, "100000000.00"));
    answer(bank, matchId, disbursement("20000000.00")).expectStatus().isCreated();

    assertThat(scrape())
        .contains("huoshui_bank_answers_total{")
        .containsPattern(
            "huoshui_intended_amount_cny_total\\{[^}]*bank=\""
                + bank
                + "\",county=\"140428\"[^}]*} 7\\.0E7")
        .containsPattern(
            "huoshui_approved_amount_cny_total\\{[^}]*bank=\"" + bank + "\"[^}]*} 7\\.0E7")
        .containsPattern(
            "huoshui_disbursed_amount_cny_total\\{[^}]*bank=\"" + bank + "\"[^}]*} 2\\.0E7")
        .containsPattern("huoshui_first_answer_seconds_count\\{[^}]*bank=\"" + bank + "\"[^}]*} 1")
        .contains("huoshui_first_answer_seconds_bucket{");
  }

  private UUID interestedAndApproved(UUID matchId) {
    answer(bank, matchId, INTEREST).expectStatus().isCreated();
    answer(bank, matchId, APPROVAL).expectStatus().isCreated();
    return matchId;
  }

  private static Map<String, Object> disbursement(String amount) {
    return Map.of(
        "answer", "DISBURSEMENT", "amount", amount, "disbursedOn", LocalDate.now().toString());
  }

  private static void assertAnonymised(JsonNode demand) {
    assertThat(demand.get("amountRequested").asString()).isEqualTo("100000000.00");
    assertThat(demand.has("enterprise")).isFalse();
    assertThat(demand.has("contact")).isFalse();
    assertThat(demand.toString()).doesNotContain("德儒", "91140428MA0K4XYZ1B", "13800000000");
  }

  private String projectOf(UUID matchId) {
    return get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
        .get("match")
        .get("projectId")
        .asString();
  }

  private long responsesOf(UUID matchId) {
    return database
        .sql("SELECT count(*) FROM bank_response WHERE match_id = :id")
        .bind("id", matchId)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private static List<String> matchIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("matchId").asString()));
    return ids;
  }

  /** project-service's ProjectWithdrawn of a demand of Zhangzi county. */
  private static Payload withdrawal(UUID projectId, int version) {
    Payload withdrawal =
        example(EventTypes.PROJECT_WITHDRAWN, "financed-elsewhere", projectId.toString());
    withdrawal.put("county", ZHANGZI);
    withdrawal.put("withdrawnAt", Instant.now().toString());
    withdrawal.put("version", version);
    return withdrawal;
  }
}
