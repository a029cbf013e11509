package io.huoshui.gateway;

import io.huoshui.infrastructure.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway in front of a real HTTP server standing in for project-service, and in front of a
 * port where nothing listens standing in for a credit-service that is down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

  private static DisposableServer projectService;
  private static final int NOTHING_LISTENS = Ports.free();

  @Autowired WebTestClient http;

  @BeforeAll
  static void startProjectService() {
    projectService =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/api/v1/projects/{id}",
                        (request, response) ->
                            response
                                .header(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                                .sendString(
                                    Mono.just(
                                        "{\"id\":\"%s\",\"title\":\"德儒教育装备 玩具生产线\"}"
                                            .formatted(request.param("id"))))))
            .bindNow();
  }

  @AfterAll
  static void stopProjectService() {
    projectService.disposeNow();
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "huoshui.services.project-service", () -> "http://127.0.0.1:" + projectService.port());
    registry.add("huoshui.services.credit-service", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
  }

  @Test
  void routesADemandRequestToProjectServiceAndKeepsChineseIntact() {
    http.get()
        .uri("/api/v1/projects/42")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("42")
        .jsonPath("$.title")
        .isEqualTo("德儒教育装备 玩具生产线");
  }

  @Test
  void answersAProblem503WhenTheServiceIsDown() {
    http.get()
        .uri("/api/v1/products")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals(HttpHeaders.RETRY_AFTER, FallbackController.RETRY_AFTER_SECONDS)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.title")
        .isEqualTo("Service unavailable")
        .jsonPath("$.service")
        .isEqualTo("credit-service");
  }

  @Test
  void reportsItsOwnHealth() {
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void exposesPrometheusMetrics() {
    http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            body ->
                org.assertj.core.api.Assertions.assertThat(body)
                    .contains("application=\"gateway\""));
  }
}
