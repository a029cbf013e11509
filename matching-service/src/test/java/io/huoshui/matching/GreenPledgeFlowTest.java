package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.EventTypes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The water company of 长子县 pledges its permit (60 million m³ at 0.15 CNY, 9 M CNY) to a bank that
 * lends half of a permit's value: 4 M CNY fits, 6 M CNY does not, and both outcomes say why.
 */
class GreenPledgeFlowTest extends ServiceFlow {

  private static final String COUNTY = "450724";

  @Test
  void aPledgeThatCoversTheAmountIsProposedWithItsValueAndOneThatFallsShortIsNoMatchSayingWhy() {
    Map<String, Object> waterLoan =
        network.product("water-permit-pledge", "wp-bank-1", COUNTY, "3.300");
    waterLoan.put("collateral", List.of("WATER_RIGHTS"));
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(waterLoan));

    String fitting = submitWaterCompany("4000000.00");
    EventEnvelope proposed = network.awaitEvents(MATCHES, fitting, Set.of(PROPOSED), 1).get(0);
    Contracts.assertConforms(proposed);
    JsonNode pledge = proposed.data().get("pledge");
    assertThat(pledge.get("value").asString()).isEqualTo("9000000.00");
    assertThat(pledge.get("ceiling").asString()).isEqualTo("4500000.00");
    assertThat(pledge.get("pledges").get(0).get("pledgeRatio").asString()).isEqualTo("50.00");
    assertThat(pledge.get("pledges").get(0).get("offered").has("licenceNumber"))
        .as("the licence would name the enterprise to the bank")
        .isFalse();
    assertThat(pledge.get("explanation").asString())
        .isEqualTo("质押物价值 9,000,000.00 × 50% 可担保 4,500,000.00，足以覆盖申请金额 4,000,000.00");

    JsonNode shownMatch = awaitMatches(fitting, COUNTY, 1).get(0).get("pledge");
    assertThat(shownMatch.get("ceiling").asString()).isEqualTo("4500000.00");
    assertThat(
            fetchDemand(fitting, COUNTY, "en")
                .get("matches")
                .get(0)
                .get("pledge")
                .get("explanation")
                .asString())
        .isEqualTo("pledge worth 9,000,000.00 × 50 % covers 4,500,000.00, enough for 4,000,000.00");

    String tooLarge = submitWaterCompany("6000000.00");
    EventEnvelope none = network.awaitEvents(MATCHES, tooLarge, Set.of(NO_MATCH), 1).get(0);
    Contracts.assertConforms(none);
    assertThat(none.data().get("explanations").get(0).get("english").asString())
        .isEqualTo("pledge worth 9,000,000.00 × 50 % covers 4,500,000.00 of 6,000,000.00");
    JsonNode shown =
        await()
            .atMost(Duration.ofMinutes(1))
            .until(
                () -> fetchDemand(tooLarge, COUNTY),
                view -> view != null && view.hasNonNull("noMatch"));
    assertThat(shown.get("noMatch").get("explanations").get(0).get("explanation").asString())
        .isEqualTo("质押物价值 9,000,000.00 × 50% 可担保 4,500,000.00，不足申请金额 6,000,000.00");
  }

  /** project-service's example of the water company's demand, in the test's county. */
  private String submitWaterCompany(String amount) {
    String projectId = UUID.randomUUID().toString();
    Network.Payload demand =
        Network.Payload.about(EventTypes.PROJECT_SUBMITTED, "water-permit-pledge", projectId);
    demand.put("county", COUNTY);
    demand.put("amountRequested", new BigDecimal(amount));
    demand.put("totalInvestment", new BigDecimal("12000000.00"));
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    return projectId;
  }
}
