package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The financial office acts on its supervision board: acknowledges and closes (销号) cases, pushes
 * demands to the next tier or to a product it names, re-opens exhausted ones — each recorded with
 * the acting client and announced as SupervisionActed; and what it may not do is refused.
 */
class SupervisionActionsTest extends ServiceFlow {

  static final String ACTED = EventTypes.SUPERVISION_ACTED;
  static final String REQUEST = "req-supervision-0001";

  @Test
  void anOfficeAcknowledgesAndClosesACaseWhichThenTurnsNoFurtherColour() {
    String projectId = pushedTo("450201", "ac-bank-1").get("projectId").toString();
    String matchId = fetchMatches(projectId, "450201").get(0).get("matchId").asString();
    String acknowledgement = "/api/v1/supervision/matches/" + matchId + "/acknowledgement";
    String closure = "/api/v1/supervision/matches/" + matchId + "/closure";
    refused(act("4502", acknowledgement, "{\"note\":\"已电话督促\"}"), 409, "NOT_A_SUPERVISION_CASE");

    sweepOn("2026-10-09T01:00:00Z"); // YELLOW: two working days after the deadline
    assertThat(colours(projectId, "450201")).containsExactly("YELLOW");
    act("6110", acknowledgement, "{\"note\":\"已电话督促\"}").expectStatus().isNotFound();
    act("4502", acknowledgement, "{\"note\":\"已电话督促\",\"closed\":true}")
        .expectStatus()
        .isBadRequest();
    http.post()
        .uri(acknowledgement)
        .headers(h -> h.setBearerAuth(TestTokens.county("450201")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"note\":\"已电话督促\"}")
        .exchange()
        .expectStatus()
        .isForbidden();

    act("4502", acknowledgement, "{\"note\":\"已电话督促银行\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.action")
        .isEqualTo("ACKNOWLEDGED")
        .jsonPath("$.actor.clientId")
        .isEqualTo("operator-4502")
        .jsonPath("$.actor.requestId")
        .isEqualTo(REQUEST);
    act("4502", closure, "{\"reason\":\"BANK_ANSWERED_OFFLINE\",\"note\":\"银行已线下答复\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("BANK_ANSWERED_OFFLINE");
    refused(act("4502", closure, "{\"reason\":\"SETTLED\"}"), 409, "CASE_CLOSED");
    refused(act("4502", acknowledgement, "{\"note\":\"再次督促\"}"), 409, "CASE_CLOSED");

    List<EventEnvelope> acted = network.awaitEvents(MATCHES, projectId, Set.of(ACTED), 2);
    acted.forEach(event -> Contracts.assertConforms(event));
    assertThat(acted)
        .extracting(
            event ->
                event.data().get("action").asString()
                    + " "
                    + event.data().get("actor").get("clientId").asString()
                    + " "
                    + event.data().get("actor").get("requestId").asString())
        .containsExactly(
            "ACKNOWLEDGED operator-4502 " + REQUEST, "CLOSED operator-4502 " + REQUEST);

    sweepOn("2026-10-14T01:00:00Z"); // past RED: a closed case turns no further colour
    JsonNode match = fetchMatches(projectId, "450201").get(0);
    assertThat(match.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(match.get("status").asString()).isEqualTo("PROPOSED");
    assertThat(match.get("stage").isNull()).isTrue();
    assertThat(match.get("supervision").get("closure").get("clientId").asString())
        .isEqualTo("operator-4502");
    assertThat(board("4502", "450201", false).get("items")).isEmpty();
    JsonNode closed = board("4502", "450201", true).get("items").get(0);
    assertThat(closed.get("matchId").asString()).isEqualTo(matchId);
    assertThat(closed.get("supervision").get("acknowledgements").get(0).get("note").asString())
        .isEqualTo("已电话督促银行");
    assertThat(closed.get("supervision").get("closure").get("note").asString())
        .isEqualTo("银行已线下答复");
  }

  @Test
  void anOfficePushesADemandToTheNextTierOrANamedProductButNotToARetiredOneOrABankHoldingIt() {
    Map<String, Object> demand = pushedTo("450302", "pt-bank-1", "pt-bank-2", "pt-bank-3");
    String projectId = demand.get("projectId").toString();
    Map<String, Object> city = network.product("pt-city", "4503", "4.000");
    Map<String, Object> far = network.product("pt-far", "6201", "4.000");
    Map<String, Object> old = network.product("pt-old", "4503", "4.000");
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(city, far, old));
    old.put("status", "RETIRED");
    old.put("version", 2);
    network.publishProduct(EventTypes.PRODUCT_RETIRED, old);
    UUID retired = UUID.fromString(old.get("productId").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> productIndex.get(retired).isEmpty());
    assertThat(fetchMatches(projectId, "450302")).as("no free slot: nothing automatic").hasSize(3);
    String push = "/api/v1/supervision/demands/" + projectId + "/push";

    act("1404", push, "{\"target\":\"NEXT_TIER\"}").expectStatus().isNotFound();
    act("4503", push, "{\"target\":\"PRODUCT\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("productId");
    act("4503", push, "{\"target\":\"NEXT_TIER\",\"note\":\"县级银行均未答复，推至市级\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("NEXT_TIER")
        .jsonPath("$.bankCode")
        .isEqualTo("pt-city");
    refused(act("4503", push, "{\"target\":\"NEXT_TIER\"}"), 409, "NOTHING_FITS_BEYOND");
    String held = fetchMatches(projectId, "450302").get(0).get("productId").asString();
    refused(
        act("4503", push, "{\"target\":\"PRODUCT\",\"productId\":\"" + held + "\"}"),
        409,
        "BANK_HOLDS_LIVE_MATCH");
    refused(
        act("4503", push, "{\"target\":\"PRODUCT\",\"productId\":\"" + retired + "\"}"),
        409,
        "PRODUCT_RETIRED");
    act("4503", push, "{\"target\":\"PRODUCT\",\"productId\":\"" + far.get("productId") + "\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.reason")
        .isEqualTo("NAMED_PRODUCT");

    JsonNode matches = fetchMatches(projectId, "450302");
    assertThat(matches.findValuesAsString("bankCode"))
        .containsExactly("pt-bank-1", "pt-bank-2", "pt-bank-3", "pt-city", "pt-far");
    assertThat(matches.findValuesAsString("tier")).endsWith("CITY", "PROVINCE");
    assertThat(matches.valueStream().map(match -> match.get("manual").asBoolean()))
        .containsExactly(false, false, false, true, true);
    List<EventEnvelope> manual =
        network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 5).stream()
            .filter(event -> event.data().has("manual"))
            .toList();
    assertThat(manual).hasSize(2);
    manual.forEach(event -> Contracts.assertConforms(event));
    network
        .awaitEvents(MATCHES, projectId, Set.of(ACTED), 2)
        .forEach(event -> Contracts.assertConforms(event));

    network.publishProject(
        EventTypes.PROJECT_CLOSED, network.closure(projectId, "450302", clock.instant(), 2));
    awaitDemand(projectId, "450302", "CLOSED");
    refused(act("4503", push, "{\"target\":\"NEXT_TIER\"}"), 409, "DEMAND_CLOSED");
  }

  @Test
  void anOfficeReopensAnExhaustedDemandAndTheBankThatWentRedHasItAgainButNotTheOneThatDeclined() {
    String projectId = pushedTo("450401", "rx-bank-1", "rx-bank-2").get("projectId").toString();
    JsonNode matches = fetchMatches(projectId, "450401");
    String reopening = "/api/v1/supervision/demands/" + projectId + "/reopening";
    network.respond(
        projectId,
        matches.get(0).get("matchId").asString(),
        "rx-bank-1",
        "DECLINE",
        clock.instant());
    awaitMatch(projectId, "450401", 0, "releaseCause", "DECLINED");
    refused(act("4504", reopening, "{}"), 409, "DEMAND_NOT_EXHAUSTED");

    sweepOn("2026-10-12T01:00:00Z"); // the second bank's RED releases it: nobody is left
    awaitDemand(projectId, "450401", "EXHAUSTED");
    act("6110", reopening, "{}").expectStatus().isNotFound();
    act("4504", reopening, "{\"note\":\"企业补充了抵押物\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.action")
        .isEqualTo("REOPENED");

    JsonNode after = awaitDemand(projectId, "450401", "OPEN").get("matches");
    assertThat(after.findValuesAsString("bankCode"))
        .containsExactly("rx-bank-1", "rx-bank-2", "rx-bank-2");
    assertThat(after.get(2).get("status").asString()).isEqualTo("PROPOSED");
    EventEnvelope reopened = network.awaitEvents(MATCHES, projectId, Set.of(ACTED), 1).get(0);
    Contracts.assertConforms(reopened);
    assertThat(reopened.data().has("matchId")).isFalse();
    refused(act("4504", reopening, "{}"), 409, "DEMAND_NOT_EXHAUSTED");
  }

  @Test
  void aRedDecisionGoesToTheCountyThenTheCityAndTheProvinceUnlessTheCaseIsClosed() {
    String projectId = pushedTo("450501", "lv-bank-1", "lv-bank-2").get("projectId").toString();
    JsonNode matches = fetchMatches(projectId, "450501");
    clock.set(Instant.parse("2026-09-30T01:00:00Z"));
    for (int i = 0; i < 2; i++) {
      network.respond(
          projectId,
          matches.get(i).get("matchId").asString(),
          "lv-bank-" + (i + 1),
          "INTEREST",
          clock.instant(),
          "0.00",
          "0.00");
      awaitMatch(projectId, "450501", i, "stage", "DECISION");
    }

    double toProvinceBefore = escalations("PROVINCE");
    double toCountyBefore = escalations("COUNTY");
    sweepOn("2026-10-26T01:00:00Z"); // the decision was due on the 20th: RED, to the county
    assertThat(escalatedTo(projectId)).containsExactly("COUNTY", "COUNTY");
    sweepOn("2026-10-28T01:00:00Z");
    assertThat(escalatedTo(projectId)).containsExactly("COUNTY", "COUNTY");
    sweepOn("2026-10-29T01:00:00Z"); // three working days later: the city
    assertThat(escalatedTo(projectId)).containsExactly("CITY", "CITY");
    String closed = matches.get(0).get("matchId").asString();
    act("4505", "/api/v1/supervision/matches/" + closed + "/closure", "{\"reason\":\"SETTLED\"}")
        .expectStatus()
        .isOk();
    sweepOn("2026-11-03T01:00:00Z"); // the province, but for the case closed
    assertThat(escalatedTo(projectId)).containsExactly("CITY", "PROVINCE");

    List<EventEnvelope> notices =
        network.awaitEvents(MATCHES, projectId, Set.of(ESCALATED), 9).stream()
            .filter(event -> event.data().get("bankCode").asString().equals("lv-bank-2"))
            .toList();
    notices.forEach(notice -> Contracts.assertConforms(notice));
    assertThat(notices)
        .extracting(
            n -> n.data().get("colour").asString() + " " + n.data().path("escalateTo").asString(""))
        .containsExactly("BLUE ", "YELLOW ", "RED COUNTY", "RED CITY", "RED PROVINCE");
    assertThat(fetchMatches(projectId, "450501").findValuesAsString("status"))
        .containsOnly("ANSWERED");
    // Operators chart each level reached: both cases went to the county, only the open one on.
    // The sweeps escalate every case due in the database, earlier tests' too: at least these.
    assertThat(escalations("COUNTY") - toCountyBefore).isGreaterThanOrEqualTo(2.0);
    assertThat(escalations("PROVINCE") - toProvinceBefore).isGreaterThanOrEqualTo(1.0);
  }

  private double escalations(String level) {
    var counter =
        meters
            .find("huoshui.supervision.escalations")
            .tags("level", level, "stage", "DECISION")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private List<String> escalatedTo(String projectId) {
    return fetchMatches(projectId, "450501")
        .valueStream()
        .map(match -> match.path("escalatedTo").asString("null"))
        .toList();
  }

  /** An office of the region posts the body, with a request id of the test's. */
  private WebTestClient.ResponseSpec act(String region, String path, String body) {
    return http.post()
        .uri(path)
        .headers(
            h -> {
              h.setBearerAuth(TestTokens.operator(region));
              h.set("X-Request-Id", REQUEST);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static void refused(WebTestClient.ResponseSpec answer, int status, String code) {
    answer
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code);
  }

  private JsonNode board(String region, String county, boolean closed) {
    return http.get()
        .uri("/api/v1/supervision?county={county}&closed={closed}", county, closed)
        .headers(h -> h.setBearerAuth(TestTokens.operator(region)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }
}
