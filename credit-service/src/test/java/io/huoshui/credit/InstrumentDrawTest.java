package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;
import tools.jackson.databind.JsonNode;

/** An approval draws on the policy instruments it names, in the transaction of the answer. */
class InstrumentDrawTest extends CreditApiTest {

  @Autowired ScheduledTaskHolder schedules;

  private String bank;
  private String productId;

  @BeforeEach
  void aBankWithAProduct() {
    bank = newBank("PROVINCIAL");
    productId = publish(bank, product()).get("productId").asString();
  }

  @Test
  void anApprovalDrawsWhatEachKindOfInstrumentCostsAndAnnouncesTheDraws() {
    String subsidy = issue(instrument("INTEREST_SUBSIDY", "benefit.subsidyCeiling", "300000.00"));
    String guarantee = issue(instrument("GUARANTEE"));
    String pool = issue(instrument("RISK_COMPENSATION"));
    UUID matchId = interested("8000000.00");

    answer(bank, matchId, approval("8000000.00", List.of(subsidy, guarantee, pool)))
        .expectStatus()
        .isCreated();

    // 1.50 points of 8,000,000 for three years is 360,000, above the ceiling of 300,000.
    assertDrawn(subsidy, "300000.00", "49700000.00");
    assertDrawn(guarantee, "6400000.00", "43600000.00");
    assertDrawn(pool, "3200000.00", "46800000.00");
    EventEnvelope approval =
        events(
                "huoshui.bank-responses",
                projectOf(bank, matchId),
                found -> found.stream().anyMatch(event -> event.data().has("instruments")))
            .stream()
            .filter(event -> "APPROVAL".equals(event.data().get("answer").asString()))
            .findFirst()
            .orElseThrow();
    Contracts.assertConforms(approval);
    JsonNode drawings = approval.data().get("instruments");
    assertThat(drawings).hasSize(3);
    assertThat(drawings.get(0).get("instrumentId").asString()).isEqualTo(subsidy);
    assertThat(drawings.get(0).get("drawn").asString()).isEqualTo("300000.00");
    assertThat(drawings.get(1).get("drawn").asString()).isEqualTo("6400000.00");
    assertThat(drawings.get(2).get("drawn").asString()).isEqualTo("3200000.00");
    // Each drawing names its instrument, so that a reader of the answer needs no catalog.
    assertThat(drawings)
        .extracting(drawing -> drawing.get("kind").asString())
        .containsExactly("INTEREST_SUBSIDY", "GUARANTEE", "RISK_COMPENSATION");
    assertThat(drawings)
        .allSatisfy(
            drawing -> {
              assertThat(drawing.get("name").asString()).isEqualTo("测试政策工具");
              assertThat(drawing.get("issuerRegion").asString()).isEqualTo(CHANGZHI);
            });
  }

  @Test
  void theDrawsAreCountedByKindAndIssuerOnceTheApprovalCommitsAndTheBudgetsAreGauged() {
    String guarantee = issue(instrument("GUARANTEE", "budget", "7000000.00"));
    UUID matchId = interested("8000000.00");
    double draws = scraped("huoshui_instrument_draws_total", "GUARANTEE");
    double drawn = scraped("huoshui_instrument_drawn_cny_total", "GUARANTEE");

    answer(bank, matchId, approval("8000000.00", List.of(guarantee))).expectStatus().isCreated();

    assertThat(scraped("huoshui_instrument_draws_total", "GUARANTEE")).isEqualTo(draws + 1);
    assertThat(scraped("huoshui_instrument_drawn_cny_total", "GUARANTEE"))
        .isEqualTo(drawn + 6_400_000);
    // A refused approval draws nothing and counts nothing.
    String exhausted = issue(instrument("GUARANTEE", "budget", "100.00"));
    answer(bank, interested("8000000.00"), approval("8000000.00", List.of(exhausted)))
        .expectStatus()
        .isEqualTo(409);
    assertThat(scraped("huoshui_instrument_draws_total", "GUARANTEE")).isEqualTo(draws + 1);
    // 600,000 of 7,000,000 left is below a tenth: the gauge counts it among the low budgets.
    readTheBudgetsNow();
    assertThat(scraped("huoshui_instruments_budget_low", "GUARANTEE")).isGreaterThanOrEqualTo(1);
    assertThat(scraped("huoshui_instrument_budget_remaining_cny", "GUARANTEE")).isPositive();
  }

  @Test
  void aRetiredOrExpiredInstrumentRefusesTheApprovalAndNothingOfItIsWritten() {
    String pool = issue(instrument("RISK_COMPENSATION"));
    String retired = issue(instrument("GUARANTEE"));
    http.post()
        .uri("/api/v1/instruments/" + retired + "/retire")
        .headers(
            h -> {
              h.setBearerAuth(TestTokens.operator(CHANGZHI));
              h.set(HttpHeaders.IF_MATCH, "\"1\"");
            })
        .exchange()
        .expectStatus()
        .isOk();
    String expired =
        issue(instrument("GUARANTEE", "validFrom", "2025-01-01", "validTo", "2025-12-31"));
    UUID matchId = interested("8000000.00");

    for (String unavailable : List.of(retired, expired)) {
      JsonNode problem =
          body(
              answer(bank, matchId, approval("8000000.00", List.of(pool, unavailable)))
                  .expectStatus()
                  .isEqualTo(422));
      assertThat(problem.get("code").asString()).isEqualTo("INSTRUMENT_UNAVAILABLE");
      assertThat(problem.get("detail").asString()).contains(unavailable);
    }

    assertDrawn(pool, "0.00", "50000000.00");
    assertThat(
            get(TestTokens.bank(bank), "/api/v1/products/" + productId)
                .get("remainingBudget")
                .asString())
        .isEqualTo("500000000.00");
    assertThat(get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("responses"))
        .hasSize(1);
  }

  @Test
  void onlyAnApprovalNamesInstrumentsAndEachOnce() {
    String pool = issue(instrument("RISK_COMPENSATION"));
    UUID matchId = pushMatch(bank, productId, "8000000.00");

    assertInvalid(
        answer(
            bank,
            matchId,
            Map.of("answer", "INTEREST", "amount", "8000000.00", "instruments", List.of(pool))),
        "instruments");
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "8000000.00"))
        .expectStatus()
        .isCreated();
    assertInvalid(
        answer(bank, matchId, approval("8000000.00", List.of(pool, pool))), "instruments");
    assertDrawn(pool, "0.00", "50000000.00");
  }

  /** Runs the gauges' scheduled read of the budgets now, in this thread, to its end. */
  private void readTheBudgetsNow() {
    schedules.getScheduledTasks().stream()
        .map(ScheduledTask::getTask)
        .map(Task::getRunnable)
        .filter(task -> task.toString().endsWith("InstrumentMetrics.refresh"))
        .findFirst()
        .orElseThrow()
        .run();
  }

  private String issue(Map<String, Object> instrument) {
    return body(post(TestTokens.operator(CHANGZHI), "/api/v1/instruments", instrument)
            .expectStatus()
            .isCreated())
        .get("instrumentId")
        .asString();
  }

  /** A match of the bank's product that the bank has declared interest in. */
  private UUID interested(String amount) {
    UUID matchId = pushMatch(bank, productId, amount);
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", amount))
        .expectStatus()
        .isCreated();
    return matchId;
  }

  static Map<String, Object> approval(String amount, List<String> instruments) {
    return Map.of(
        "answer",
        "APPROVAL",
        "amount",
        amount,
        "annualRate",
        "3.85",
        "termMonths",
        36,
        "instruments",
        instruments);
  }

  /**
   * The value of a metric of the Changzhi issuer and this kind in the service's scrape; 0 if none.
   */
  private double scraped(String metric, String kind) {
    Matcher found =
        Pattern.compile(
                "^%s\\{[^}]*issuer=\"%s\",kind=\"%s\"[^}]*} (\\S+)$"
                    .formatted(metric, CHANGZHI, kind),
                Pattern.MULTILINE)
            .matcher(scrape());
    return found.find() ? Double.parseDouble(found.group(1)) : 0;
  }

  private void assertDrawn(String instrumentId, String drawn, String remaining) {
    JsonNode instrument = get(TestTokens.bank(bank), "/api/v1/instruments/" + instrumentId);
    assertThat(instrument.get("drawn").asString()).isEqualTo(drawn);
    assertThat(instrument.get("remainingBudget").asString()).isEqualTo(remaining);
  }
}
