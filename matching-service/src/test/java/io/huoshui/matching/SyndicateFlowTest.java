package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A 190 M CNY demand open to a syndicate, through the service's own Kafka and PostgreSQL: shared
 * among a lead and participants, the lead replacing one of them, a demand that one bank declined as
 * too large shared among the others, and one decided before its sharing products arrived.
 */
class SyndicateFlowTest extends ServiceFlow {

  @Test
  void theLeadReplacesAParticipantThatApprovedNothingAndOnlyTheLeadMay() {
    String county = "450731";
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(
            lending("sf-lead", county, "SYNDICATED", "100000000.00", "3.900"),
            lending("sf-city", county, "FIXED_ASSETS", "60000000.00", "4.100"),
            lending("sf-county", county, "FIXED_ASSETS", "50000000.00", "4.200")));
    String projectId = park(county, "190000000.00");

    Map<String, JsonNode> members = byBank(awaitMatches(projectId, county, 3));
    assertThat(members.keySet()).containsExactlyInAnyOrder("sf-lead", "sf-city", "sf-county");
    assertThat(members.get("sf-lead").get("syndicate").get("role").asString()).isEqualTo("LEAD");
    BigDecimal shared =
        members.values().stream()
            .map(member -> new BigDecimal(member.get("syndicate").get("share").asString()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(shared).isEqualByComparingTo("190000000.00");
    for (EventEnvelope proposed : network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 3)) {
      Contracts.assertConforms(proposed);
      assertThat(proposed.data().get("syndicate").get("leadBankCode").asString())
          .isEqualTo("sf-lead");
    }

    Map<String, Object> late = lending("sf-late", county, "FIXED_ASSETS", "40000000.00", "3.500");
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(late));
    String share =
        new BigDecimal(members.get("sf-county").get("syndicate").get("share").asString())
            .min(new BigDecimal("40000000.00"))
            .toPlainString();
    String invited = late.get("productId").toString();

    invite("sf-city", projectId, Map.of("productId", invited, "share", share))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("NOT_THE_SYNDICATE_LEAD");
    invite("sf-late", projectId, Map.of("productId", invited, "share", share))
        .expectStatus()
        .isNotFound();
    invite("sf-lead", projectId, Map.of("productId", invited, "share", "40000000.01"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("share");
    invite(
            "sf-lead",
            projectId,
            Map.of("productId", invited, "share", share, "replaces", "sf-lead"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("replaces");
    invite(
            "sf-lead",
            projectId,
            Map.of("productId", members.get("sf-city").get("productId").asString(), "share", share))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("BANK_HOLDS_LIVE_MATCH");
    assertThat(fetchMatches(projectId, county)).as("refusals leave nothing behind").hasSize(3);

    invite(
            "sf-lead",
            projectId,
            Map.of("productId", invited, "share", share, "replaces", "sf-county"))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.syndicate.role")
        .isEqualTo("PARTICIPANT")
        .jsonPath("$.syndicate.share")
        .isEqualTo(share)
        .jsonPath("$.bankCode")
        .isEqualTo("sf-late");

    Map<String, JsonNode> after = byBank(awaitMatches(projectId, county, 4));
    assertThat(after.get("sf-county").get("releaseCause").asString()).isEqualTo("REPLACED");
    EventEnvelope released = network.awaitEvents(MATCHES, projectId, Set.of(RELEASED), 1).get(0);
    Contracts.assertConforms(released);
    assertThat(released.data().get("cause").asString()).isEqualTo("REPLACED");
    EventEnvelope proposed =
        network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 4).stream()
            .filter(event -> event.data().get("bankCode").asString().equals("sf-late"))
            .findFirst()
            .orElseThrow();
    Contracts.assertConforms(proposed);
    assertThat(proposed.data().get("syndicate").get("share").asString()).isEqualTo(share);
  }

  /**
   * One bank lends the whole amount and gets the demand alone; it declines it as too large, and the
   * demand, open to a syndicate, is shared among the other banks, saying why.
   */
  @Test
  void aDeclineOfTheAmountAsTooLargeSharesTheDemandAmongTheOtherBanks() {
    String county = "450732";
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(
            lending("tl-whole", county, "FIXED_ASSETS", "200000000.00", "3.300"),
            lending("tl-lead", county, "SYNDICATED", "120000000.00", "3.900"),
            lending("tl-part", county, "FIXED_ASSETS", "80000000.00", "4.100")));
    String projectId = park(county, "150000000.00");
    JsonNode alone = awaitMatches(projectId, county, 1);
    assertThat(alone.get(0).get("bankCode").asString()).isEqualTo("tl-whole");
    assertThat(alone.get(0).get("syndicate").isNull()).isTrue();

    network.decline(
        projectId,
        alone.get(0).get("matchId").asString(),
        "tl-whole",
        "AMOUNT_TOO_LARGE",
        clock.instant());

    Map<String, JsonNode> members = byBank(awaitMatches(projectId, county, 3));
    assertThat(members.get("tl-lead").get("syndicate").get("share").asString())
        .isEqualTo("120000000.00");
    assertThat(members.get("tl-part").get("syndicate").get("share").asString())
        .isEqualTo("30000000.00");
    EventEnvelope shared =
        network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 3).stream()
            .filter(event -> event.data().get("bankCode").asString().equals("tl-part"))
            .findFirst()
            .orElseThrow();
    Contracts.assertConforms(shared);
    assertThat(shared.data().get("routedAfterDecline").asString()).isEqualTo("AMOUNT_TOO_LARGE");

    network.respond(
        projectId,
        members.get("tl-lead").get("matchId").asString(),
        "tl-lead",
        "APPROVAL",
        clock.instant(),
        "120000000.00",
        "0.00");
    awaitMatch(projectId, county, 1, "lastAnswer", "APPROVAL");
    assertThat(fetchDemand(projectId, county).get("status").asString()).isEqualTo("OPEN");
    network.respond(
        projectId,
        members.get("tl-part").get("matchId").asString(),
        "tl-part",
        "APPROVAL",
        clock.instant(),
        "30000000.00",
        "0.00");
    awaitDemand(projectId, county, "FINANCED");
    // Paid out, so that no clock of this demand runs on when other tests move the clock ahead.
    network.respond(
        projectId,
        members.get("tl-lead").get("matchId").asString(),
        "tl-lead",
        "DISBURSEMENT",
        clock.instant(),
        "120000000.00",
        "120000000.00");
    network.respond(
        projectId,
        members.get("tl-part").get("matchId").asString(),
        "tl-part",
        "DISBURSEMENT",
        clock.instant(),
        "30000000.00",
        "30000000.00");
    awaitMatch(projectId, county, 2, "lastAnswer", "DISBURSEMENT");
    awaitMatch(projectId, county, 1, "lastAnswer", "DISBURSEMENT");
    assertThat(
            meters
                .get("huoshui.syndicate.approved.cny")
                .tags("bank", "tl-lead", "role", "LEAD")
                .counter()
                .count())
        .isEqualTo(120_000_000.0);
    assertThat(
            meters
                .get("huoshui.syndicate.approved.cny")
                .tags("bank", "tl-part", "role", "PARTICIPANT")
                .counter()
                .count())
        .isEqualTo(30_000_000.0);
  }

  /**
   * The demand reaches matching before any bank that could share it has published: it fits nothing
   * and is NoMatch, and it is shared out by reverse matching once the third product arrives.
   */
  @Test
  void aDemandDecidedBeforeTheProductsThatCouldShareItIsSharedOnceTheyArrive() {
    String county = "450733";
    String projectId = park(county, "190000000.00");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> fetchDemand(projectId, county),
            view -> view != null && "NO_MATCH".equals(view.get("status").asString()));

    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(lending("ra-lead", county, "SYNDICATED", "100000000.00", "3.900")));
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(lending("ra-city", county, "FIXED_ASSETS", "60000000.00", "4.100")));
    assertThat(fetchMatches(projectId, county))
        .as("two banks together lend less than the amount")
        .isEmpty();
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(lending("ra-county", county, "FIXED_ASSETS", "50000000.00", "4.200")));

    Map<String, JsonNode> members =
        byBank(
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> fetchMatches(projectId, county), matches -> matches.size() >= 3));
    assertThat(members.keySet()).containsExactlyInAnyOrder("ra-lead", "ra-city", "ra-county");
    assertThat(members.get("ra-lead").get("syndicate").get("role").asString()).isEqualTo("LEAD");
    BigDecimal shared =
        members.values().stream()
            .map(member -> new BigDecimal(member.get("syndicate").get("share").asString()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(shared).isEqualByComparingTo("190000000.00");
    assertThat(fetchDemand(projectId, county).get("status").asString()).isEqualTo("OPEN");
  }

  private Map<String, Object> lending(
      String bankCode, String county, String category, String maxAmount, String rate) {
    Map<String, Object> product = network.product(bankCode, county, rate);
    product.put("category", category);
    product.put("maxAmount", new BigDecimal(maxAmount));
    product.put("maxTermMonths", 180);
    return product;
  }

  /** An industry-education park asking the amount over ten years, open to a syndicate. */
  private String park(String county, String amount) {
    Map<String, Object> demand = network.demand(county);
    demand.put("amountRequested", new BigDecimal(amount));
    demand.put("termMonths", 120);
    demand.put("tags", List.of("KEY_PROJECT", "SYNDICATION"));
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    return demand.get("projectId").toString();
  }

  private WebTestClient.ResponseSpec invite(
      String bankCode, String projectId, Map<String, Object> body) {
    return http.post()
        .uri("/api/v1/projects/{id}/syndicate/participants", projectId)
        .headers(h -> h.setBearerAuth(TestTokens.bank(bankCode)))
        .bodyValue(body)
        .exchange();
  }

  private static Map<String, JsonNode> byBank(JsonNode matches) {
    Map<String, JsonNode> byBank = new HashMap<>();
    for (JsonNode match : matches) {
      byBank.put(match.get("bankCode").asString(), match);
    }
    return byBank;
  }
}
