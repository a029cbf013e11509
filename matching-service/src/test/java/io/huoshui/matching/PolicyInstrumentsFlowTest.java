package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.InstrumentIndex;
import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Policy instruments read from credit-service's events beside the products: a small firm with
 * nothing to pledge reaches the bank that lends on a government guarantee, with the guarantee and
 * the first-loan subsidy named on the proposal and the rate it will pay after the subsidy.
 */
class PolicyInstrumentsFlowTest extends ServiceFlow {

  private static final String COUNTY = "450721";

  @Autowired InstrumentIndex instruments;

  @Test
  void aFirmWithoutCollateralIsProposedWithTheGuaranteeThatStandsForItAndTheRateAfterSubsidy() {
    Map<String, Object> subsidy = network.instrument("first-loan-subsidy", COUNTY);
    Map<String, Object> guarantee = network.instrument("guarantee-fund", COUNTY);
    network.publishInstrument(EventTypes.INSTRUMENT_PUBLISHED, subsidy);
    network.publishInstrument(EventTypes.INSTRUMENT_PUBLISHED, guarantee);
    awaitServing(2);
    Map<String, Object> guaranteed = network.product("gu-bank-1", COUNTY, "4.300");
    guaranteed.put("collateral", List.of("EQUIPMENT", "GUARANTEE"));
    Map<String, Object> mortgage = network.product("gu-bank-2", COUNTY, "3.100");
    mortgage.put("collateral", List.of("REAL_ESTATE"));
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(guaranteed, mortgage));

    String projectId = submitGrower();

    JsonNode match = awaitMatches(projectId, COUNTY, 1).get(0);
    assertThat(match.get("bankCode").asString()).isEqualTo("gu-bank-1");
    EventEnvelope proposed = network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 1).get(0);
    Contracts.assertConforms(proposed);
    JsonNode support = proposed.data().get("support");
    assertThat(support.get("guaranteeInPlaceOfCollateral").asBoolean()).isTrue();
    assertThat(support.get("annualRate").asString()).isEqualTo("4.30");
    assertThat(support.get("effectiveAnnualRate").asString()).isEqualTo("3.30");
    assertThat(support.get("instruments").valueStream().map(i -> i.get("instrumentId").asString()))
        .containsExactly(
            subsidy.get("instrumentId").toString(), guarantee.get("instrumentId").toString());
    assertThat(support.get("instruments").valueStream().map(i -> i.get("draw").asString()))
        .containsExactly("40000.00", "1600000.00");
    assertThat(proposed.data().get("demand").get("collateral").toString())
        .as("the bank reads what the firm offers itself")
        .isEqualTo("[\"NONE\"]");
    assertThat(match.get("support").get("instruments").get(1).get("explanation").asString())
        .isEqualTo("长治市政府性融资担保基金：担保贷款的80.00%，担保费每年1.00%，以担保代替抵押");
    assertThat(
            fetchDemand(projectId, COUNTY, "en")
                .get("matches")
                .get(0)
                .get("support")
                .get("instruments")
                .get(0)
                .get("explanation")
                .asString())
        .isEqualTo(
            "山西省首贷贴息: pays 1.00 points of the interest, about 3.30% a year, 40000.00 CNY in all");

    // The fund is retired: the next firm like it has nothing standing for collateral.
    guarantee.put("status", "RETIRED");
    guarantee.put("version", 2);
    network.publishInstrument(EventTypes.INSTRUMENT_RETIRED, guarantee);
    awaitServing(1);
    String next = submitGrower();
    EventEnvelope none = network.awaitEvents(MATCHES, next, Set.of(NO_MATCH), 1).get(0);
    assertThat(none.data().get("failures").toString()).contains("\"rule\":\"COLLATERAL\"");
  }

  /**
   * The toy plant offers its plant; three banks that lend on property have it, and the cheapest
   * declines: the plant is not worth enough. Another bank lending on property would rank next, but
   * the demand goes to the one lending on the city's guarantee, and says why.
   */
  @Test
  void aDeclineForCollateralGoesToTheBankThatLendsOnAGuaranteeBeforeTheNextMortgage() {
    String county = "450722";
    awaitServing(0, county);
    network.publishInstrument(
        EventTypes.INSTRUMENT_PUBLISHED, network.instrument("guarantee-fund", county));
    awaitServing(1, county);
    List<Map<String, Object>> products = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Map<String, Object> mortgage = network.product("cd-bank-" + i, county, "3." + i + "00");
      mortgage.put("collateral", List.of("REAL_ESTATE"));
      products.add(mortgage);
    }
    Map<String, Object> guaranteed = network.product("cd-bank-5", county, "4.900");
    guaranteed.put("collateral", List.of("GUARANTEE"));
    products.add(guaranteed);
    publishProducts(EventTypes.PRODUCT_PUBLISHED, products);
    Map<String, Object> demand = network.demand(county);
    demand.put("amountRequested", new BigDecimal("2000000.00"));
    demand.put("termMonths", 24);
    demand.put("collateral", List.of("REAL_ESTATE"));
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    JsonNode first = awaitMatches(projectId, county, 3);
    assertThat(first.valueStream().map(m -> m.get("bankCode").asString()))
        .containsExactly("cd-bank-1", "cd-bank-2", "cd-bank-3");

    network.respond(
        projectId, first.get(0).get("matchId").asString(), "cd-bank-1", "DECLINE", clock.instant());

    JsonNode next = awaitMatches(projectId, county, 4).get(3);
    assertThat(next.get("bankCode").asString()).isEqualTo("cd-bank-5");
    EventEnvelope proposed =
        network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 4).stream()
            .filter(event -> event.data().get("bankCode").asString().equals("cd-bank-5"))
            .findFirst()
            .orElseThrow();
    Contracts.assertConforms(proposed);
    assertThat(proposed.data().get("routedAfterDecline").asString())
        .isEqualTo("INSUFFICIENT_COLLATERAL");
    assertThat(proposed.data().get("support").get("guaranteeInPlaceOfCollateral").asBoolean())
        .isTrue();
  }

  /** A small software firm of the county, its first loan: 2 M CNY for two years, no collateral. */
  @SuppressWarnings("unchecked")
  private String submitGrower() {
    Map<String, Object> demand = network.demand(COUNTY);
    Map<String, Object> enterprise = (Map<String, Object>) demand.get("enterprise");
    assertThat(enterprise.get("size")).isEqualTo("SMALL");
    demand.put("amountRequested", new BigDecimal("2000000.00"));
    demand.put("termMonths", 24);
    demand.put("collateral", List.of("NONE"));
    demand.put("tags", List.of("FIRST_LOAN"));
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    return demand.get("projectId").toString();
  }

  /** Instruments and products are keyed apart on their topic: the instruments are awaited first. */
  private void awaitServing(int count) {
    awaitServing(count, COUNTY);
  }

  private void awaitServing(int count, String county) {
    Demand probe =
        new Demand(
            UUID.randomUUID(),
            county,
            Industry.INDUSTRY_AND_SOFTWARE,
            EnterpriseSize.SMALL,
            Purpose.FIXED_ASSETS,
            new BigDecimal("2000000.00"),
            24,
            Set.of(Collateral.NONE),
            Set.of(Tag.FIRST_LOAN),
            List.of());
    LocalDate today = LocalDate.of(2026, 9, 25);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> instruments.serving(probe, today).instruments().size() == count);
  }
}
