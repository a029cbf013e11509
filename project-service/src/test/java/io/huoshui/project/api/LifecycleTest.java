package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demand's outcomes besides money: the county closes it, matching finds no bank left and a later
 * product re-opens it; and every step names who took it.
 */
class LifecycleTest extends ProjectServiceTest {

  private static final String COUNTY = "149970";
  private static final String CLIENT = "county-" + COUNTY;

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theCountyClosesItsDemandWhichIsAnnouncedWithWhoClosedIt() {
    UUID id = submit(COUNTY, toyPlant());

    close(COUNTY, id, Map.of("reason", "FINANCED_SOMEHOW"), "r-1")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    close(COUNTY, id, Map.of("note", "没有原因"), "r-2")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    close("149971", id, Map.of("reason", "NO_LONGER_NEEDED"), "r-3").expectStatus().isNotFound();
    http.post()
        .uri("/api/v1/projects/" + id + "/closure")
        .headers(h -> h.setBearerAuth(TestTokens.operator("14")))
        .bodyValue(Map.of("reason", "NO_LONGER_NEEDED"))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(status(id)).isEqualTo("SUBMITTED");

    close(
            COUNTY,
            id,
            Map.of("reason", "FINANCED_BELOW_AMOUNT", "note", "晋商银行已放款 5000 万元\n余额企业自筹"),
            "close-request-1")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CLOSED")
        .jsonPath("$.closure.reason")
        .isEqualTo("FINANCED_BELOW_AMOUNT")
        .jsonPath("$.closure.note")
        .isEqualTo("晋商银行已放款 5000 万元\n余额企业自筹")
        .jsonPath("$.version")
        .isEqualTo(2);

    EventEnvelope event = awaitEvent("huoshui.projects", id.toString(), EventTypes.PROJECT_CLOSED);
    Contracts.assertConforms(event);
    assertThat(event.data().get("reason").asString()).isEqualTo("FINANCED_BELOW_AMOUNT");
    assertThat(event.data().get("county").asString()).isEqualTo(COUNTY);
    assertThat(event.data().get("version").asInt()).isEqualTo(2);
    assertThat(event.data().get("actor").get("clientId").asString()).isEqualTo(CLIENT);
    assertThat(event.data().get("actor").get("requestId").asString()).isEqualTo("close-request-1");

    close(COUNTY, id, Map.of("reason", "NO_LONGER_NEEDED"), "r-4")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PROJECT_NOT_CLOSABLE");
    assertThat(timelineSteps(id, "CLOSED")).isEqualTo(1);
    JsonNode closed = step(timeline(id), "CLOSED");
    assertThat(closed.get("summary").asString()).isEqualTo("县里已办结：已获部分融资（晋商银行已放款 5000 万元\n余额企业自筹）");
    assertThat(closed.get("actor").get("clientId").asString()).isEqualTo(CLIENT);
    assertThat(closed.get("actor").get("service").asString()).isEqualTo("project-service");
  }

  @Test
  void aWithdrawnDemandCannotBeClosed() {
    UUID id = submit(COUNTY, toyPlant());
    http.post()
        .uri("/api/v1/projects/" + id + "/withdraw")
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .bodyValue(Map.of("reason", "不要了"))
        .exchange()
        .expectStatus()
        .isOk();
    close(COUNTY, id, Map.of("reason", "NO_LONGER_NEEDED"), "r-5")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PROJECT_NOT_CLOSABLE");
    assertThat(timelineSteps(id, "CLOSED")).isZero();
  }

  @Test
  void everyStepNamesWhoTookItAndEveryEventOnARequestCarriesTheClient() {
    UUID id = submitAs(COUNTY, "submit-request-1");
    Map<String, Object> changed = toyPlant();
    changed.put("termMonths", 48);
    http.put()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .header("X-Request-Id", "update-request-1")
        .bodyValue(changed)
        .exchange()
        .expectStatus()
        .isOk();
    for (String[] expected :
        new String[][] {
          {EventTypes.PROJECT_SUBMITTED, "submit-request-1"},
          {EventTypes.PROJECT_UPDATED, "update-request-1"}
        }) {
      EventEnvelope event = awaitEvent("huoshui.projects", id.toString(), expected[0]);
      Contracts.assertConforms(event);
      assertThat(event.data().get("actor").get("clientId").asString()).isEqualTo(CLIENT);
      assertThat(event.data().get("actor").get("requestId").asString()).isEqualTo(expected[1]);
    }

    UUID match = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    Instant at = Instant.now();
    publish(MATCHES, proposed(id, match, product, at));
    publish(
        BANK_RESPONSES,
        example(
            EventTypes.BANK_RESPONDED,
            "interest",
            id,
            ofMatch(match, product, "respondedAt", at.plusSeconds(1))));
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineSteps(id, "BANK_INTEREST") == 1);

    JsonNode steps = timeline(id);
    assertThat(steps.findValues("actor")).hasSize(steps.size());
    JsonNode submitted = step(steps, "SUBMITTED");
    assertThat(submitted.get("actor").get("clientId").asString()).isEqualTo(CLIENT);
    assertThat(submitted.get("actor").get("requestId").asString()).isEqualTo("submit-request-1");
    assertThat(step(steps, "UPDATED").get("actor").get("requestId").asString())
        .isEqualTo("update-request-1");
    JsonNode pushed = step(steps, "PUSHED");
    assertThat(pushed.get("actor").get("service").asString()).isEqualTo("matching-service");
    assertThat(pushed.get("actor").has("clientId")).isFalse();
    assertThat(step(steps, "BANK_INTEREST").get("actor").get("service").asString())
        .isEqualTo("credit-service");
  }

  @Test
  void aDemandNoBankIsLeftForIsExhaustedWithItsReasonsAndReopenedByALaterProduct() {
    UUID id = submit(COUNTY, toyPlant());
    UUID product = UUID.randomUUID();
    Instant at = Instant.now();
    publish(MATCHES, proposed(id, UUID.randomUUID(), product, at));
    awaitStatus(id, "PUSHED");

    EventEnvelope exhausted =
        Contracts.example(EventTypes.DEMAND_EXHAUSTED, "all-declined")
            .about(id.toString())
            .envelope();
    publish(MATCHES, exhausted);
    awaitStatus(id, "EXHAUSTED");
    project(id).jsonPath("$.status").isEqualTo("EXHAUSTED");
    list("?status=EXHAUSTED").jsonPath("$.items[0].id").isEqualTo(id.toString());
    JsonNode step = step(timeline(id), "EXHAUSTED");
    assertThat(step.get("summary").asString()).isEqualTo("所有匹配银行均已拒绝或超时：抵押物不足 1 家，超时未答复 1 家");
    assertThat(step.get("details").get("tried")).hasSize(2);
    assertThat(step.get("actor").get("service").asString()).isEqualTo("matching-service");

    UUID later = UUID.randomUUID();
    publish(MATCHES, proposed(id, later, UUID.randomUUID(), Instant.now()));
    awaitStatus(id, "PUSHED");
    JsonNode reopened = step(timeline(id), "REOPENED");
    assertThat(reopened.get("details").get("matchId").asString()).isEqualTo(later.toString());
    assertThat(reopened.get("summary").asString()).contains("重新开放");
    assertThat(timelineSteps(id, "PUSHED")).isEqualTo(2);
  }

  private UUID submitAs(String county, String requestId) {
    String location =
        http.post()
            .uri("/api/v1/projects")
            .headers(h -> h.setBearerAuth(TestTokens.county(county)))
            .header("X-Request-Id", requestId)
            .bodyValue(toyPlant())
            .exchange()
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation()
            .getPath();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  private EventEnvelope proposed(UUID id, UUID match, UUID product, Instant at) {
    return example(
        EventTypes.MATCH_PROPOSED, "province-bank", id, ofMatch(match, product, "proposedAt", at));
  }

  /** The members that place an example on a match of jinshang-bank, at the time given. */
  private static Map<String, Object> ofMatch(UUID match, UUID product, String time, Instant at) {
    return Map.of(
        "matchId", match, "bankCode", "jinshang-bank", "productId", product, time, at.toString());
  }

  private WebTestClient.ResponseSpec close(
      String county, UUID id, Map<String, Object> body, String requestId) {
    return http.post()
        .uri("/api/v1/projects/" + id + "/closure")
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .header("X-Request-Id", requestId)
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.BodyContentSpec project(UUID id) {
    return get("/api/v1/projects/" + id);
  }

  private WebTestClient.BodyContentSpec list(String query) {
    return get("/api/v1/projects" + query);
  }

  private WebTestClient.BodyContentSpec get(String path) {
    return http.get()
        .uri(path)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private JsonNode timeline(UUID id) {
    return json.readTree(
        get("/api/v1/projects/" + id + "/timeline").returnResult().getResponseBody());
  }

  /** The last step of the kind; fails when there is none. */
  private static JsonNode step(JsonNode steps, String kind) {
    JsonNode found = null;
    for (JsonNode step : steps) {
      if (kind.equals(step.get("step").asString())) {
        found = step;
      }
    }
    assertThat(found).as("a %s step", kind).isNotNull();
    return found;
  }
}
