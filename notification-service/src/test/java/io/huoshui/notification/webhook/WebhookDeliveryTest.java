package io.huoshui.notification.webhook;

import static io.huoshui.notification.EventData.acted;
import static io.huoshui.notification.EventData.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.huoshui.notification.NotificationServiceApplication;
import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.notification.Receiver;
import io.huoshui.notification.notice.Texts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/** Webhooks against real receivers: JDK HTTP servers that accept, fail, hang or die. */
class WebhookDeliveryTest extends NotificationServiceTest {

  @Autowired WebhookDispatcher dispatcher;
  @Autowired DatabaseClient database;
  @Autowired MeterRegistry meters;
  @Autowired Environment environment;
  @Autowired TestNames names;
  @Autowired Deliveries deliveries;
  @Autowired Endpoints endpoints;
  @Autowired Texts texts;
  @Autowired DeliverySignal signal;

  @Test
  void aDeliveryIsSignedSoThatTheReceiverCanVerifyIt() throws Exception {
    String county = freshCounty();
    try (Receiver receiver = new Receiver()) {
      JsonNode endpoint = register(TestTokens.county(county), receiver.url(), null);
      String secret = endpoint.get("secret").asString();
      assertThat(secret).startsWith("whsec_");
      UUID project = UUID.randomUUID();

      publishDecline(county, project);

      Receiver.Received request = awaitAccepted(receiver, 1).get(0);
      // What docs/webhooks.md tells a portal to do: split the header, recompute, compare.
      Map<String, String> parts = new HashMap<>();
      for (String part : request.signature().split(",")) {
        String[] pair = part.split("=", 2);
        parts.put(pair[0], pair[1]);
      }
      long t = Long.parseLong(parts.get("t"));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          java.util.HexFormat.of()
              .formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
      assertThat(parts.get("v1")).isEqualTo(expected);
      assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
      String tampered =
          java.util.HexFormat.of()
              .formatHex(
                  mac.doFinal(
                      (t + "." + request.body().replace("婉拒", "接受"))
                          .getBytes(StandardCharsets.UTF_8)));
      assertThat(parts.get("v1")).isNotEqualTo(tampered);

      JsonNode body = json.readTree(request.body());
      assertThat(body.get("id").asString()).isEqualTo(request.notificationId());
      assertThat(body.get("kind").asString()).isEqualTo("BANK_DECLINE");
      assertThat(body.get("subject").asString()).isEqualTo(project.toString());
      assertThat(body.get("body").asString()).contains("抵质押物不足");

      String token = TestTokens.county(county);
      JsonNode log =
          get(token, "/api/v1/notifications/" + request.notificationId() + "/deliveries");
      assertThat(log.get(0).get("status").asString()).isEqualTo("DELIVERED");
      assertThat(log.get(0).get("log").get(0).get("statusCode").asInt()).isEqualTo(204);

      JsonNode listed = get(token, "/api/v1/webhooks");
      assertThat(listed.get(0).get("id").asString()).isEqualTo(endpoint.get("id").asString());
      assertThat(listed.get(0).has("secret")).isFalse();
    }
  }

  @Test
  void aBanksReceiverGetsAFinancialOfficesActionInItsLanguage() {
    String bank = "changzhi-" + UUID.randomUUID().toString().substring(0, 8);
    try (Receiver receiver = new Receiver()) {
      register(TestTokens.bank(bank), receiver.url(), "en");
      UUID project = UUID.randomUUID();
      producers.publish(
          Topics.MATCHES,
          EventTypes.SUPERVISION_ACTED,
          project.toString(),
          acted("pushed", project, freshCounty(), UUID.randomUUID(), bank));

      JsonNode body = json.readTree(awaitAccepted(receiver, 1).get(0).body());
      assertThat(body.get("kind").asString()).isEqualTo("SUPERVISION_ACTED");
      assertThat(body.get("title").asString()).isEqualTo("Financial office: pushed by hand");
      assertThat(body.get("body").asString()).contains("pushed by hand to a named product");
      assertThat(body.get("data").get("action").asString()).isEqualTo("PUSHED");
    }
  }

  /**
   * A dispatcher whose poll never comes within the test: the commit of the deliveries wakes it, and
   * the end of the first attempt wakes it for the demand's next notification, which waited behind
   * the first.
   */
  @Test
  void aCommittedDeliveryAndTheOneBehindItLeaveWithoutWaitingForThePoll() {
    String county = freshCounty();
    WebhookProperties pollingHourly =
        ReceiversTest.settings(
            Map.of(
                "huoshui.webhooks.poll-interval", "1h",
                "huoshui.webhooks.require-https", "false",
                "huoshui.webhooks.allowed-networks", "127.0.0.1/32"));
    insteadOfTheServicesDispatcher(
        pollingHourly,
        () -> {
          try (Receiver receiver = new Receiver()) {
            register(TestTokens.county(county), receiver.url(), null);
            answered(county, "1000000.00", "INTEREST", "APPROVAL");

            assertThat(awaitAccepted(receiver, 2).stream().map(r -> kind(r)).toList())
                .containsExactly("BANK_INTEREST", "BANK_APPROVAL");
          }
        });
  }

  @Test
  void aReceiverThatFailsAtFirstGetsEveryNotificationOnceAndInOrder() {
    String county = freshCounty();
    try (Receiver receiver = new Receiver().failFirst(3)) {
      register(TestTokens.county(county), receiver.url(), "en");
      answered(county, "1000000.00", "INTEREST", "APPROVAL", "DISBURSEMENT");

      List<Receiver.Received> accepted = awaitAccepted(receiver, 3);

      assertThat(accepted.stream().map(r -> kind(r)).toList())
          .containsExactly("BANK_INTEREST", "BANK_APPROVAL", "BANK_DISBURSEMENT");
      assertThat(accepted.stream().map(Receiver.Received::notificationId).distinct()).hasSize(3);
      // The second was not sent before the first got through: the first four requests carried
      // the first notification (three refused, one accepted).
      List<Receiver.Received> all = receiver.received();
      assertThat(all).hasSize(6);
      assertThat(all.subList(0, 4))
          .extracting(Receiver.Received::notificationId)
          .containsOnly(accepted.get(0).notificationId());
      assertThat(json.readTree(accepted.get(0).body()).get("language").asString()).isEqualTo("en");

      JsonNode log =
          get(
                  TestTokens.county(county),
                  "/api/v1/notifications/" + accepted.get(0).notificationId() + "/deliveries")
              .get(0)
              .get("log");
      assertThat(log).hasSize(4);
      assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(503);
      assertThat(log.get(3).get("statusCode").asInt()).isEqualTo(204);
    }
  }

  @Test
  void aDeadReceiverIsParkedInOrderAndTheOperatorReplaysIt() {
    String county = freshCounty();
    try (Receiver receiver = new Receiver().failAll()) {
      register(TestTokens.county(county), receiver.url(), null);
      UUID project = UUID.randomUUID();
      publishDecline(county, project);
      publishDecline(county, project);

      String operator = TestTokens.operator("1404");
      List<JsonNode> parked =
          await()
              .atMost(PATIENCE)
              .until(() -> parkedOf(operator, project), found -> found.size() == 2);
      assertThat(parked).allSatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(4));
      // Each notification used up its four attempts before the next one was tried.
      List<String> order = receiver.received().stream().map(r -> r.notificationId()).toList();
      assertThat(order).hasSize(8);
      assertThat(order.subList(0, 4)).containsOnly(order.get(0));
      assertThat(order.subList(4, 8)).containsOnly(order.get(4)).doesNotContain(order.get(0));
      await()
          .atMost(PATIENCE)
          .until(() -> meters.get("huoshui.webhook.parked").gauge().value() >= 2);
      assertThat(
              meters.get("huoshui.webhook.deliveries").tag("outcome", "parked").counter().count())
          .isGreaterThanOrEqualTo(2);
      assertThat(
              meters.get("huoshui.webhook.deliveries").tag("outcome", "failed").counter().count())
          .isGreaterThanOrEqualTo(6);

      http.get()
          .uri("/api/v1/webhooks/deliveries?status=PARKED")
          .headers(h -> h.setBearerAuth(TestTokens.county(county)))
          .exchange()
          .expectStatus()
          .isForbidden();
      String first = parked.get(1).get("id").asString();
      http.post()
          .uri("/api/v1/webhooks/deliveries/" + first + "/replay")
          .headers(h -> h.setBearerAuth(TestTokens.operator("61")))
          .exchange()
          .expectStatus()
          .isNotFound();

      receiver.recover();
      for (JsonNode delivery : List.of(parked.get(1), parked.get(0))) {
        http.post()
            .uri("/api/v1/webhooks/deliveries/" + delivery.get("id").asString() + "/replay")
            .headers(h -> h.setBearerAuth(operator))
            .exchange()
            .expectStatus()
            .isOk();
      }

      List<Receiver.Received> accepted = awaitAccepted(receiver, 2);
      assertThat(accepted.stream().map(Receiver.Received::notificationId))
          .containsExactlyInAnyOrder(order.get(0), order.get(4));
      assertThat(parkedOf(operator, project)).isEmpty();
    }
  }

  /**
   * Without a clock to race: the hanging receiver holds its requests for the whole test (the
   * dispatcher here waits longer for an answer than the test can last), so that the healthy
   * tenant's delivery can only get through beside them, never after them.
   */
  @Test
  void aHangingReceiverHoldsNoMoreThanItsShareAndAnotherTenantIsDeliveredBesideIt() {
    String slowCounty = freshCounty();
    String county = freshCounty();
    WebhookProperties patient =
        ReceiversTest.settings(
            Map.of(
                "huoshui.webhooks.poll-interval", "100ms",
                "huoshui.webhooks.response-timeout", "10m",
                "huoshui.webhooks.lease", "20m",
                "huoshui.webhooks.require-https", "false",
                "huoshui.webhooks.allowed-networks", "127.0.0.1/32"));
    insteadOfTheServicesDispatcher(
        patient, () -> aHangingReceiverBesideAHealthyOne(patient, slowCounty, county));
  }

  private void aHangingReceiverBesideAHealthyOne(
      WebhookProperties patient, String slowCounty, String county) {
    try (Receiver hanging = new Receiver().hold();
        Receiver healthy = new Receiver()) {
      String slowEndpoint = registered(TestTokens.county(slowCounty), hanging.url());
      register(TestTokens.county(county), healthy.url(), null);
      // Twenty demands' notifications for the hanging receiver: more than it may hold at once.
      for (int i = 0; i < 20; i++) {
        publishDecline(slowCounty, UUID.randomUUID());
      }
      await().atMost(PATIENCE).until(() -> hanging.arrived() >= patient.perEndpointConcurrency());

      publishDecline(county, UUID.randomUUID());
      awaitAccepted(healthy, 1);

      assertThat(hanging.arrived()).isEqualTo(patient.perEndpointConcurrency());
      assertThat(hanging.accepted()).isEmpty();
      // The twenty demands are spread over the partitions: the other county's one may have been
      // read before the last of them.
      assertThat(
              await().atMost(PATIENCE).until(() -> schedule(slowCounty), rows -> rows.size() == 20))
          .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
      assertThat(healthy.received()).hasSize(1);
      http.delete()
          .uri("/api/v1/webhooks/" + slowEndpoint)
          .headers(h -> h.setBearerAuth(TestTokens.county(slowCounty)))
          .exchange()
          .expectStatus()
          .isNoContent();
    }
  }

  @Test
  void aNamePointedInsideAfterRegistrationIsRefusedAtDelivery() {
    String county = freshCounty();
    String name = "rebinding-" + county + ".huoshui.test";
    names.point(name, "203.0.113.9");
    register(TestTokens.county(county), "http://" + name + ":8081/hook", null);
    // The tenant's name service now answers with the metadata address (DNS rebinding).
    names.point(name, "169.254.169.254");
    UUID project = UUID.randomUUID();

    publishDecline(county, project);

    String token = TestTokens.county(county);
    String notification =
        awaitNotifications(token, project.toString(), found -> found.size() == 1)
            .get(0)
            .get("id")
            .asString();
    JsonNode attempt =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get(token, "/api/v1/notifications/" + notification + "/deliveries").get(0),
                delivery -> delivery.get("log").size() >= 1)
            .get("log")
            .get(0);
    assertThat(attempt.get("statusCode").isNull()).isTrue();
    assertThat(attempt.get("error").asString())
        .contains("内部网络")
        .doesNotContain("169.254", "8081", name);
  }

  @Test
  void aRestartInTheMiddleOfRetriesLosesNothing() {
    String county = freshCounty();
    try (Receiver receiver = new Receiver().failAll()) {
      register(TestTokens.county(county), receiver.url(), null);
      answered(county, "2000000.00", "INTEREST", "APPROVAL");
      await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);

      // The process dies mid-retries: what it planned is only in the database now.
      dispatcher.stop();
      List<Map<String, Object>> schedule = schedule(county);
      assertThat(schedule).hasSize(2);
      assertThat(schedule).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
      assertThat(schedule.get(0).get("next_attempt_at")).isNotNull();
      receiver.recover();

      try (ConfigurableApplicationContext restarted = startAnotherProcess()) {
        List<Receiver.Received> accepted = awaitAccepted(receiver, 2);
        assertThat(accepted.stream().map(r -> kind(r)).toList())
            .containsExactly("BANK_INTEREST", "BANK_APPROVAL");
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    schedule(county).stream()
                        .allMatch(row -> "DELIVERED".equals(row.get("status"))));
      } finally {
        dispatcher.start();
      }
      assertThat(receiver.accepted()).hasSize(2);
    }
  }

  /** The service started again on the same database; its Kafka listeners stay off. */
  private ConfigurableApplicationContext startAnotherProcess() {
    List<String> arguments = new ArrayList<>();
    for (String name :
        List.of(
            "spring.r2dbc.url",
            "spring.r2dbc.username",
            "spring.r2dbc.password",
            "spring.flyway.url",
            "spring.flyway.user",
            "spring.flyway.password",
            "spring.kafka.bootstrap-servers",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
      arguments.add("--" + name + "=" + environment.getProperty(name));
    }
    arguments.add("--server.port=0");
    arguments.add("--spring.kafka.listener.auto-startup=false");
    return new SpringApplicationBuilder(NotificationServiceApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  /** Runs the test with a dispatcher of these settings in the place of the service's own. */
  private void insteadOfTheServicesDispatcher(WebhookProperties settings, Runnable test) {
    WebhookDispatcher standIn =
        new WebhookDispatcher(
            deliveries,
            texts,
            json,
            new WebhookConfiguration()
                .webhookClient(settings, names, new ReceiverAddresses(settings.allowedNetworks())),
            CircuitBreakerRegistry.ofDefaults(),
            clock,
            new SimpleMeterRegistry(),
            settings,
            endpoints,
            signal);
    dispatcher.stop();
    standIn.start();
    try {
      test.run();
    } finally {
      standIn.stop();
      dispatcher.start();
    }
  }

  /** One bank's answers, in this order, to one demand of the county. */
  private void answered(String county, String amount, String... answers) {
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    for (String answer : answers) {
      producers.publish(
          Topics.BANK_RESPONSES,
          "io.huoshui.credit.BankResponded.v1",
          project.toString(),
          response(match, project, county, "jinshang-bank", answer, amount));
    }
  }

  private List<Map<String, Object>> schedule(String county) {
    return database
        .sql(
            "SELECT status, next_attempt_at, attempts FROM webhook_delivery WHERE county = :county"
                + " ORDER BY seq")
        .bind("county", county)
        .fetch()
        .all()
        .collectList()
        .block();
  }

  private List<JsonNode> parkedOf(String operator, UUID project) {
    List<JsonNode> found = new ArrayList<>();
    get(operator, "/api/v1/webhooks/deliveries?status=PARKED&size=100")
        .get("items")
        .forEach(
            delivery -> {
              if (delivery.get("subject").asString().equals(project.toString())) {
                found.add(delivery);
              }
            });
    return found;
  }

  private JsonNode register(String token, String url, String language) {
    Map<String, Object> registration = new HashMap<>();
    registration.put("url", url);
    if (language != null) {
      registration.put("language", language);
    }
    return json.readTree(
        http.post()
            .uri("/api/v1/webhooks")
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(registration)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
  }

  private String registered(String token, String url) {
    return register(token, url, null).get("id").asString();
  }

  private String kind(Receiver.Received request) {
    return json.readTree(request.body()).get("kind").asString();
  }

  private static List<Receiver.Received> awaitAccepted(Receiver receiver, int count) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(receiver::accepted, accepted -> accepted.size() >= count);
  }
}
