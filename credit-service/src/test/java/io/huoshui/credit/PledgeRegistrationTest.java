package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A loan on a water-abstraction permit: the money goes out only once the pledge is registered in
 * the national movable-property registry and filed with the water authority.
 */
class PledgeRegistrationTest extends CreditApiTest {

  private static final String REGISTRATION = "06123456000412345678";
  private static final String FILING = "长水资备〔2026〕第0428号";

  private String bank;
  private String productId;

  @BeforeEach
  void aBankLendingOnWaterPermits() {
    bank = newBank("CITY_BRANCH");
    productId =
        publish(bank, product("name", "取水权质押贷款", "collateral", List.of("WATER_RIGHTS")))
            .get("productId")
            .asString();
  }

  @Test
  void aDisbursementBeforeRegistrationIsRefusedNamingWhatIsMissingAndAcceptedOnceBothAreGiven() {
    UUID projectId = UUID.randomUUID();
    UUID matchId = pushedWaterPermitDemand(projectId);
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "4000000.00"))
        .expectStatus()
        .isCreated();
    answer(bank, matchId, approval(Map.of())).expectStatus().isCreated();

    refusedFor(matchId, disbursement(Map.of()), "registrationNumber", "filingNumber");
    refusedFor(matchId, disbursement(Map.of("registrationNumber", REGISTRATION)), "filingNumber");
    assertThat(registrationOf(matchId)).isEmpty();

    JsonNode accepted =
        body(
            answer(
                    bank,
                    matchId,
                    disbursement(
                        Map.of("registrationNumber", REGISTRATION, "filingNumber", FILING)))
                .expectStatus()
                .isCreated());
    assertThat(accepted.get("answer").asString()).isEqualTo("DISBURSEMENT");
    assertThat(registrationOf(matchId)).containsExactly(REGISTRATION, FILING);

    List<EventEnvelope> responded =
        events(Topics.BANK_RESPONSES, projectId.toString(), found -> found.size() >= 3);
    responded.forEach(Contracts::assertConforms);
    JsonNode disbursed = responded.get(2).data();
    assertThat(disbursed.get("answer").asString()).isEqualTo("DISBURSEMENT");
    assertThat(disbursed.get("registrationNumber").asString()).isEqualTo(REGISTRATION);
    assertThat(disbursed.get("filingNumber").asString()).isEqualTo(FILING);
    assertThat(responded.get(1).data().has("registrationNumber")).isFalse();
  }

  @Test
  void numbersRecordedWithTheApprovalLetEveryLaterTranchePass() {
    UUID projectId = UUID.randomUUID();
    UUID matchId = pushedWaterPermitDemand(projectId);
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "4000000.00"))
        .expectStatus()
        .isCreated();
    answer(
            bank,
            matchId,
            approval(Map.of("registrationNumber", REGISTRATION, "filingNumber", FILING)))
        .expectStatus()
        .isCreated();

    answer(bank, matchId, disbursement(Map.of("amount", "1000000.00"))).expectStatus().isCreated();
    answer(bank, matchId, disbursement(Map.of("amount", "3000000.00"))).expectStatus().isCreated();

    EventEnvelope approval =
        events(Topics.BANK_RESPONSES, projectId.toString(), found -> found.size() >= 2).get(1);
    Contracts.assertConforms(approval);
    assertThat(approval.data().get("registrationNumber").asString()).isEqualTo(REGISTRATION);
  }

  @Test
  void aDemandWithoutDetailedPledgesIsDisbursedAsBefore() {
    UUID matchId = pushMatch(bank, productId, "4000000.00");
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "4000000.00"))
        .expectStatus()
        .isCreated();
    answer(bank, matchId, approval(Map.of())).expectStatus().isCreated();

    answer(bank, matchId, disbursement(Map.of())).expectStatus().isCreated();
  }

  @Test
  void anAnswerThatRegistersNothingMayNotCarryTheNumbersAndABlankOneIsRefused() {
    UUID matchId = pushedWaterPermitDemand(UUID.randomUUID());

    answer(
            bank,
            matchId,
            Map.of("answer", "INTEREST", "amount", "4000000.00", "filingNumber", FILING))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("filingNumber"));
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "4000000.00"))
        .expectStatus()
        .isCreated();
    answer(bank, matchId, approval(Map.of("registrationNumber", " ")))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("registrationNumber"));
  }

  /**
   * project-service's demand of the water company pledging its permit, and matching's proposal of
   * it to the bank's product, both held before the answers.
   */
  private UUID pushedWaterPermitDemand(UUID projectId) {
    Payload demand =
        example(EventTypes.PROJECT_SUBMITTED, "water-permit-pledge", projectId.toString());
    send(
        Topics.PROJECTS,
        "project-service",
        EventTypes.PROJECT_SUBMITTED,
        projectId.toString(),
        demand);
    UUID matchId = UUID.randomUUID();
    send(
        Topics.MATCHES,
        "matching-service",
        EventTypes.MATCH_PROPOSED,
        projectId.toString(),
        proposal("water-permit-pledge", matchId, projectId, bank, productId, "4000000.00"));
    awaitMatch(matchId);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                database
                        .sql(
                            "SELECT count(*) FROM demand WHERE project_id = :id"
                                + " AND full_demand -> 'greenPledges' IS NOT NULL")
                        .bind("id", projectId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                    == 1);
    return matchId;
  }

  private void refusedFor(UUID matchId, Map<String, Object> answer, String... missing) {
    answer(bank, matchId, answer)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentTypeCompatibleWith("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PLEDGE_NOT_REGISTERED")
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of(missing));
  }

  private List<String> registrationOf(UUID matchId) {
    return database
        .sql(
            "SELECT registration_number, filing_number FROM pledge_registration"
                + " WHERE match_id = :id")
        .bind("id", matchId)
        .map(
            row ->
                List.of(
                    row.get("registration_number", String.class),
                    row.get("filing_number", String.class)))
        .all()
        .collectList()
        .block()
        .stream()
        .flatMap(List::stream)
        .toList();
  }

  private static Map<String, Object> approval(Map<String, Object> more) {
    Map<String, Object> approval = new LinkedHashMap<>();
    approval.put("answer", "APPROVAL");
    approval.put("amount", "4000000.00");
    approval.put("annualRate", "3.85");
    approval.put("termMonths", 36);
    approval.putAll(more);
    return approval;
  }

  private static Map<String, Object> disbursement(Map<String, Object> more) {
    Map<String, Object> disbursement = new LinkedHashMap<>();
    disbursement.put("answer", "DISBURSEMENT");
    disbursement.put("amount", "4000000.00");
    disbursement.put("disbursedOn", LocalDate.now().toString());
    disbursement.putAll(more);
    return disbursement;
  }
}
