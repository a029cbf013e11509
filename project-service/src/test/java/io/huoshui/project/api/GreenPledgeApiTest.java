package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** A demand that details its water-abstraction permit, as the Hubei case pledged one. */
class GreenPledgeApiTest extends ProjectServiceTest {

  private static final String ZHANGZI = "140428";

  @Test
  void aDetailedPledgeIsStoredAnsweredAndTravelsOnProjectSubmitted() {
    UUID id = submit(ZHANGZI, waterPermitDemand());

    http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.greenPledges.length()")
        .isEqualTo(1)
        .jsonPath("$.greenPledges[0].kind")
        .isEqualTo("WATER_RIGHTS")
        .jsonPath("$.greenPledges[0].licenceNumber")
        .isEqualTo("取水(鄂)字[2026]第0136号")
        .jsonPath("$.greenPledges[0].quantity")
        .isEqualTo("136000000")
        .jsonPath("$.greenPledges[0].unit")
        .isEqualTo("m³")
        .jsonPath("$.greenPledges[0].validUntil")
        .isEqualTo("2031-06-30")
        .jsonPath("$.greenPledges[0].unitPrice")
        .isEqualTo("0.15")
        .jsonPath("$.greenPledges[0].valuation")
        .doesNotExist();

    EventEnvelope event =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectSubmitted.v1");
    Contracts.assertConforms(event);
    JsonNode pledge = event.data().get("greenPledges").get(0);
    assertThat(pledge.get("kind").asString()).isEqualTo("WATER_RIGHTS");
    assertThat(pledge.get("quantity").asString()).isEqualTo("136000000");
    assertThat(pledge.get("unitPrice").asString()).isEqualTo("0.15");
    assertThat(pledge.get("validUntil").asString()).isEqualTo("2031-06-30");
    assertThat(pledge.has("valuation")).isFalse();
  }

  @Test
  void aDemandWithoutPledgesAnnouncesNoneAsBefore() {
    UUID id = submit(ZHANGZI, toyPlant());

    EventEnvelope event =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectSubmitted.v1");
    assertThat(event.data().has("greenPledges")).isFalse();
  }

  static List<Arguments> malformedPledges() {
    return List.of(
        malformed("greenPledges[0].kind", p -> p.put("kind", "CARBON_QUOTA")),
        malformed("greenPledges[0].kind", p -> p.put("kind", "REAL_ESTATE")),
        malformed("greenPledges[0].kind", p -> p.put("kind", "GOLD")),
        malformed("greenPledges[0].quantity", p -> p.put("quantity", "0")),
        malformed("greenPledges[0].quantity", p -> p.put("quantity", "-5")),
        malformed("greenPledges[0].quantity", p -> p.put("quantity", "很多")),
        malformed("greenPledges[0].unitPrice", p -> p.put("valuation", "20000000.00")),
        malformed("greenPledges[0].unitPrice", p -> p.remove("unitPrice")),
        malformed("greenPledges[0].unitPrice", p -> p.put("unitPrice", "0")),
        malformed("greenPledges[0].licenceNumber", p -> p.put("licenceNumber", " ")),
        malformed("greenPledges[0].unit", p -> p.remove("unit")),
        malformed("greenPledges[0].validUntil", p -> p.put("validUntil", "2031-02-30")),
        malformed("greenPledges[0].validUntil", p -> p.remove("validUntil")),
        malformed("greenPledges[0].colour", p -> p.put("colour", "green")));
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("malformedPledges")
  void aMalformedPledgeIsRefusedNamingItsField(String field, Consumer<Map<String, Object>> breaks) {
    Map<String, Object> demand = waterPermitDemand();
    breaks.accept(pledge(demand));

    http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(TestTokens.county("149989")))
        .bodyValue(demand)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith("application/problem+json")
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of(field));
  }

  @Test
  void aPledgeValuedTwiceIsRefusedInTheCountysLanguage() {
    Map<String, Object> demand = waterPermitDemand();
    pledge(demand).put("valuation", "20000000.00");

    http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(TestTokens.county("149989")))
        .header("Accept-Language", "en")
        .bodyValue(demand)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("give either unitPrice or valuation, exactly one of them");
  }

  /** The toy plant pledging its water permit: 136 million m³ at 0.15 CNY. */
  private static Map<String, Object> waterPermitDemand() {
    Map<String, Object> pledge = new LinkedHashMap<>();
    pledge.put("kind", "WATER_RIGHTS");
    pledge.put("licenceNumber", "取水(鄂)字[2026]第0136号");
    pledge.put("quantity", "136000000");
    pledge.put("unit", "m³");
    pledge.put("validUntil", "2031-06-30");
    pledge.put("unitPrice", "0.15");
    Map<String, Object> demand = toyPlant();
    demand.put("collateral", List.of("WATER_RIGHTS", "EQUIPMENT"));
    demand.put("greenPledges", List.of(pledge));
    return demand;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pledge(Map<String, Object> demand) {
    return ((List<Map<String, Object>>) demand.get("greenPledges")).get(0);
  }

  private static Arguments malformed(String field, Consumer<Map<String, Object>> breaks) {
    return Arguments.of(field, breaks);
  }
}
