package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.Topics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A water-permit loan lending half of the permit's value, as the bank states it. */
class GreenTermsTest extends CreditApiTest {

  private static final Map<String, Object> HALF_AT_UNIT_PRICE =
      terms("WATER_RIGHTS", "50.00", "UNIT_PRICE");

  @Test
  void aProductsPledgeRatioIsStoredShownAndAnnounced() {
    String bank = newBank("CITY_BRANCH");
    JsonNode published = publish(bank, waterLoan(List.of(HALF_AT_UNIT_PRICE)));
    String productId = published.get("productId").asString();

    JsonNode shown = get(TestTokens.bank(bank), "/api/v1/products/" + productId);
    assertThat(shown.get("greenTerms").get(0).get("kind").asString()).isEqualTo("WATER_RIGHTS");
    assertThat(shown.get("greenTerms").get(0).get("pledgeRatio").asString()).isEqualTo("50.00");
    assertThat(shown.get("greenTerms").get(0).get("valuations").get(0).asString())
        .isEqualTo("UNIT_PRICE");

    EventEnvelope event = events(Topics.PRODUCTS, productId, found -> !found.isEmpty()).get(0);
    Contracts.assertConforms(event);
    assertThat(event.data().get("greenTerms").get(0).get("pledgeRatio").asString())
        .isEqualTo("50.00");

    EventEnvelope plain =
        events(Topics.PRODUCTS, publishProduct(bank), found -> !found.isEmpty()).get(0);
    assertThat(plain.data().has("greenTerms")).isFalse();
  }

  @Test
  void termsOfAKindTheProductDoesNotTakeOrBeyondAHundredPercentAreRefusedNamingTheField() {
    String bank = newBank("CITY_BRANCH");

    refused(bank, List.of(terms("CARBON_QUOTA", "50.00", "UNIT_PRICE")), "greenTerms[0].kind");
    refused(bank, List.of(terms("REAL_ESTATE", "50.00", "UNIT_PRICE")), "greenTerms[0].kind");
    refused(
        bank, List.of(terms("WATER_RIGHTS", "100.01", "UNIT_PRICE")), "greenTerms[0].pledgeRatio");
    refused(bank, List.of(terms("WATER_RIGHTS", "0", "UNIT_PRICE")), "greenTerms[0].pledgeRatio");
    refused(bank, List.of(terms("WATER_RIGHTS", "50.00")), "greenTerms[0].valuations");
    refused(bank, List.of(HALF_AT_UNIT_PRICE, HALF_AT_UNIT_PRICE), "greenTerms[1].kind");
  }

  private static Map<String, Object> terms(String kind, String ratio, String... valuations) {
    return Map.of("kind", kind, "pledgeRatio", ratio, "valuations", List.of(valuations));
  }

  private void refused(String bank, List<Map<String, Object>> terms, String field) {
    assertInvalid(post(TestTokens.bank(bank), "/api/v1/products", waterLoan(terms)), field);
  }

  private static Map<String, Object> waterLoan(List<Map<String, Object>> terms) {
    return product(
        "name",
        "取水证质押贷款",
        "industries",
        List.of("AGRICULTURE"),
        "collateral",
        List.of("WATER_RIGHTS"),
        "greenTerms",
        terms);
  }
}
