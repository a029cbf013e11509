package io.huoshui.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.notification.Receiver;
import io.huoshui.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Registering and removing endpoints; an endpoint's open circuit breaker holds its deliveries. */
class WebhookEndpointsTest extends NotificationServiceTest {

  @Autowired CircuitBreakerRegistry webhookBreakers;
  @Autowired MeterRegistry meters;
  @Autowired TestNames names;

  @Test
  void anEndpointMustBeAnAbsoluteHttpUrlWithoutCredentials() {
    String token = TestTokens.bank("bank-" + UUID.randomUUID());
    for (String url :
        List.of(
            "ftp://portal.example.cn/hook",
            "/relative/hook",
            "https://user:pass@portal.example.cn/hook",
            "not a url")) {
      register(token, Map.of("url", url))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo("url");
    }
    register(token, Map.of("url", "https://portal.example.cn/hook", "language", "fr"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("language");
    register(token, Map.of("url", "https://portal.example.cn/hook", "secret", "mine"))
        .expectStatus()
        .isBadRequest();
    assertThat(get(token, "/api/v1/webhooks")).isEmpty();
  }

  @Test
  void anEndpointInsideTheNetworkIsRefusedWithoutSayingWhatIsThere() {
    String token = TestTokens.county(freshCounty());
    names.point("metadata.huoshui.test", "169.254.169.254");
    names.point("half-inside.huoshui.test", "203.0.113.8", "10.1.2.3");
    for (String url :
        List.of(
            "http://127.0.0.2:8081/",
            "http://10.0.0.1/hook",
            "http://172.16.5.4/hook",
            "http://192.168.1.1/hook",
            "http://100.100.100.200/latest/meta-data",
            "http://169.254.169.254/latest/meta-data",
            "http://metadata.huoshui.test/computeMetadata/v1/",
            "http://half-inside.huoshui.test/hook",
            "http://0.0.0.0:8084/",
            "http://224.0.0.251/",
            "http://[::1]:8081/",
            "http://[::]/",
            "http://[fe80::1]/",
            "http://[fd00:ec2::254]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:7f00:2]/",
            "http://name-that-does-not-exist.invalid/hook")) {
      JsonNode problem =
          json.readTree(
              register(token, Map.of("url", url))
                  .expectStatus()
                  .isBadRequest()
                  .expectHeader()
                  .contentType("application/problem+json")
                  .expectBody(String.class)
                  .returnResult()
                  .getResponseBody());
      assertThat(problem.get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
      assertThat(problem.toString()).as(url).doesNotContain("169.254", "10.1.2.3", "127.0.0");
    }
    assertThat(get(token, "/api/v1/webhooks")).isEmpty();
  }

  @Test
  void aRetriedRegistrationCreatesOneEndpointAndATenantHasAtMostFive() {
    String token = TestTokens.county(freshCounty());
    String key = UUID.randomUUID().toString();
    Map<String, Object> registration = Map.of("url", "https://portal.example.cn/hook");
    String first = registerOnce(token, key, registration);
    String again = registerOnce(token, key, registration);
    assertThat(again).isEqualTo(first);
    assertThat(get(token, "/api/v1/webhooks")).hasSize(1);

    for (int i = 1; i < Endpoints.MAX_ENDPOINTS; i++) {
      register(token, registration).expectStatus().isCreated();
    }
    register(token, registration)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("too-many-webhooks");
  }

  @Test
  void onlyItsOwnerRemovesAnEndpointAndNothingMoreGoesToIt() {
    String county = freshCounty();
    String owner = TestTokens.county(county);
    try (Receiver receiver = new Receiver().failAll()) {
      String id = registeredId(owner, receiver.url());
      http.delete()
          .uri("/api/v1/webhooks/" + id)
          .headers(h -> h.setBearerAuth(TestTokens.county(freshCounty())))
          .exchange()
          .expectStatus()
          .isNotFound();

      UUID project = UUID.randomUUID();
      publishDecline(county, project);
      await().atMost(PATIENCE).until(() -> !receiver.received().isEmpty());
      http.delete()
          .uri("/api/v1/webhooks/" + id)
          .headers(h -> h.setBearerAuth(owner))
          .exchange()
          .expectStatus()
          .isNoContent();
      String notification =
          notificationsAbout(owner, project.toString()).get(0).get("id").asString();
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  get(owner, "/api/v1/notifications/" + notification + "/deliveries")
                      .get(0)
                      .get("status")
                      .asString()
                      .equals("CANCELLED"));
      int attempts = receiver.received().size();
      publishDecline(county, UUID.randomUUID());
      awaitNotifications(owner, project.toString(), found -> !found.isEmpty());
      assertThat(get(owner, "/api/v1/webhooks")).isEmpty();
      assertThat(receiver.received()).hasSize(attempts);
    }
  }

  @Test
  void whileAnEndpointsBreakerIsOpenItsDeliveriesWaitWithoutUsingUpAttempts() {
    String county = freshCounty();
    String token = TestTokens.county(county);
    try (Receiver receiver = new Receiver()) {
      String endpoint = registeredId(token, receiver.url());
      // As if its recent attempts had failed: the breaker stays open for its wait (1 s here).
      CircuitBreaker breaker = webhookBreakers.circuitBreaker(endpoint);
      double heldBefore = circuitOpenCount();
      breaker.transitionToOpenState();

      UUID project = UUID.randomUUID();
      publishDecline(county, project);

      await().atMost(PATIENCE).until(() -> circuitOpenCount() > heldBefore);
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> receiver.accepted().size() == 1);
      String notification = receiver.accepted().get(0).notificationId();
      JsonNode delivery =
          get(token, "/api/v1/notifications/" + notification + "/deliveries").get(0);
      assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
      assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
      assertThat(breaker.getState())
          .isIn(CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED);
      assertThat(
              meters
                  .get("resilience4j.circuitbreaker.state")
                  .tags("name", endpoint, "state", "open")
                  .gauge()
                  .value())
          .isZero();
    }
  }

  private double circuitOpenCount() {
    var counter =
        meters.find("huoshui.webhook.deliveries").tag("outcome", "circuit_open").counter();
    return counter == null ? 0 : counter.count();
  }

  private String registeredId(String token, String url) {
    return json.readTree(
            register(token, Map.of("url", url))
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody())
        .get("id")
        .asString();
  }

  private String registerOnce(String token, String key, Map<String, Object> registration) {
    return json.readTree(
            http.post()
                .uri("/api/v1/webhooks")
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", key)
                .bodyValue(registration)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody())
        .get("id")
        .asString();
  }

  private WebTestClient.ResponseSpec register(String token, Map<String, Object> registration) {
    return http.post()
        .uri("/api/v1/webhooks")
        .headers(h -> h.setBearerAuth(token))
        .bodyValue(registration)
        .exchange();
  }
}
