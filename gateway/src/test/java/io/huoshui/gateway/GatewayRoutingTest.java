package io.huoshui.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.huoshui.infrastructure.Ports;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The gateway between real HTTP servers: one standing in for project-service and
 * notification-service (and identity-service's API document) that echoes what it received, one
 * publishing the issuer's keys, and a port where nothing listens standing in for a credit-service
 * that is down. Tokens are signed here with the published key, or forged.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "huoshui.identity.issuer=http://issuer.test",
      "huoshui.gateway.max-body-size=1KB",
      "huoshui.gateway.rate-limit.requests=5",
      "huoshui.gateway.rate-limit.period=30s",
      "resilience4j.timelimiter.configs.default.timeout-duration=2s",
      // The bulkhead test holds its requests until it has seen the overflow answered.
      "resilience4j.timelimiter.configs.notification-service.timeout-duration=60s"
    })
@AutoConfigureWebTestClient
class GatewayRoutingTest {

  private static final String ISSUER = "http://issuer.test";
  private static final int NOTHING_LISTENS = Ports.free();
  private static final AtomicInteger flakyGets = new AtomicInteger();
  private static final AtomicInteger flakyPosts = new AtomicInteger();
  private static final AtomicInteger held = new AtomicInteger();
  private static final AtomicInteger hung = new AtomicInteger();
  private static final Sinks.Empty<Void> release = Sinks.empty();

  private static RSAKey issuerKey;
  private static DisposableServer projectService;
  private static DisposableServer issuer;

  @Autowired WebTestClient http;
  @Autowired BulkheadRegistry bulkheads;
  @Autowired CircuitBreakerRegistry circuitBreakers;
  @LocalServerPort int port;

  @BeforeAll
  static void startServers() throws Exception {
    issuerKey = new RSAKeyGenerator(2048).keyID("issuer-key-1").generate();
    issuer =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes.get(
                        "/oauth2/jwks",
                        (request, response) ->
                            response
                                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                                .sendString(
                                    Mono.just(new JWKSet(issuerKey.toPublicJWK()).toString()))))
            .bindNow();
    projectService =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                routes ->
                    routes
                        .get(
                            "/openapi/{document}",
                            (request, response) ->
                                response
                                    .header(HttpHeaders.CONTENT_TYPE, "application/yaml")
                                    .sendString(
                                        Mono.just(
                                            "openapi: 3.1.0\ninfo:\n  title: %s\n"
                                                .formatted(request.param("document")))))
                        .get(
                            "/api/v1/projects/flaky",
                            (request, response) ->
                                flakyGets.incrementAndGet() == 1
                                    ? response.status(503).send()
                                    : response.sendString(Mono.just("recovered")))
                        .post(
                            "/api/v1/projects/hung",
                            (request, response) -> {
                              hung.incrementAndGet();
                              return response.sendString(Mono.never());
                            })
                        .post(
                            "/api/v1/notifications/held",
                            (request, response) -> {
                              held.incrementAndGet();
                              return response.sendString(release.asMono().thenReturn("held"));
                            })
                        .post(
                            "/api/v1/projects/flaky",
                            (request, response) -> {
                              flakyPosts.incrementAndGet();
                              return response.status(503).send();
                            })
                        .get(
                            "/api/v1/projects/{id}",
                            (request, response) ->
                                response
                                    .header(
                                        HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                                    .sendString(
                                        Mono.just(
                                            """
                                            {"id":"%s","title":"德儒教育装备 玩具生产线","requestId":"%s","internal":"%s","authorized":%s}
                                            """
                                                .formatted(
                                                    request.param("id"),
                                                    request.requestHeaders().get("X-Request-Id"),
                                                    request
                                                        .requestHeaders()
                                                        .get("X-Huoshui-Tenant"),
                                                    request
                                                        .requestHeaders()
                                                        .contains("Authorization")))))
                        .post(
                            "/api/v1/projects",
                            (request, response) ->
                                response.status(201).send(request.receive().retain())))
            .bindNow();
  }

  @AfterAll
  static void stopServers() {
    projectService.disposeNow();
    issuer.disposeNow();
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add(
        "huoshui.identity.jwk-set-uri", () -> "http://127.0.0.1:" + issuer.port() + "/oauth2/jwks");
    registry.add(
        "huoshui.services.project-service", () -> "http://127.0.0.1:" + projectService.port());
    registry.add(
        "huoshui.services.identity-service", () -> "http://127.0.0.1:" + projectService.port());
    registry.add("huoshui.services.credit-service", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    registry.add("huoshui.services.matching-service", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    registry.add(
        "huoshui.services.notification-service", () -> "http://127.0.0.1:" + projectService.port());
  }

  private record Answer(int status, String retryAfter, String body) {}

  @Test
  void
      aServiceGetsAsManyRequestsAtOnceAsItsBulkheadAllowsAndTheRestA503BusyWithoutOpeningItsBreaker()
          throws Exception {
    int limit =
        bulkheads.bulkhead("notification-service").getBulkheadConfig().getMaxConcurrentCalls();
    assertThat(limit).as("more than resilience4j's default of 25").isGreaterThan(25);
    int overflow = 5;
    WebClient client =
        WebClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .clientConnector(
                new ReactorClientHttpConnector(
                    reactor.netty.http.client.HttpClient.create(
                        ConnectionProvider.create("bulkhead-test", limit + overflow))))
            .build();
    // Each request a tenant of its own, so that the rate limit stays out of the way.
    List<CompletableFuture<Answer>> answers =
        IntStream.range(0, limit + overflow)
            .mapToObj(
                i ->
                    client
                        .post()
                        .uri("/api/v1/notifications/held")
                        .header(
                            HttpHeaders.AUTHORIZATION,
                            "Bearer " + token(claims -> claims.claim("tenant_id", "held-" + i)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchangeToMono(
                            response ->
                                response
                                    .bodyToMono(String.class)
                                    .defaultIfEmpty("")
                                    .map(
                                        body ->
                                            new Answer(
                                                response.statusCode().value(),
                                                response
                                                    .headers()
                                                    .asHttpHeaders()
                                                    .getFirst(HttpHeaders.RETRY_AFTER),
                                                body)))
                        .toFuture())
            .toList();
    try {
      await()
          .atMost(Duration.ofSeconds(50))
          .until(
              () ->
                  held.get() == limit
                      && answers.stream().filter(CompletableFuture::isDone).count() == overflow);
    } finally {
      release.tryEmitEmpty();
    }
    List<Answer> all = answers.stream().map(CompletableFuture::join).toList();

    assertThat(held.get()).isEqualTo(limit);
    assertThat(all).filteredOn(a -> a.status() == 200).hasSize(limit);
    assertThat(all)
        .filteredOn(a -> a.status() == 503)
        .hasSize(overflow)
        .allSatisfy(
            a -> {
              assertThat(a.retryAfter()).isEqualTo(FallbackController.BUSY_RETRY_AFTER_SECONDS);
              assertThat(a.body()).contains("服务繁忙", "notification-service");
            });
    CircuitBreaker breaker = circuitBreakers.circuitBreaker("notification-service");
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void aDemandsMatchesAreRoutedToTheMatchingServiceNotTheDemandsOwn() {
    http.get()
        .uri("/api/v1/projects/7f0c2a4e-1d1b-4a55-9d7e-3c2f1b0a9e11/matches")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("matching-service");
  }

  @Test
  void routesAnAuthenticatedRequestWithItsTokenAndARequestIdAndKeepsChineseIntact() {
    http.get()
        .uri("/api/v1/projects/42")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .exists("X-Request-Id")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("42")
        .jsonPath("$.title")
        .isEqualTo("德儒教育装备 玩具生产线")
        .jsonPath("$.authorized")
        .isEqualTo(true)
        .jsonPath("$.requestId")
        .value(id -> assertThat((String) id).hasSizeGreaterThan(8));
  }

  @Test
  void keepsASaneRequestIdAndStripsInternalHeaders() {
    http.get()
        .uri("/api/v1/projects/7")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .header("X-Request-Id", "portal-140428-0001")
        .header("X-Huoshui-Tenant", "OPERATOR:14")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("X-Request-Id", "portal-140428-0001")
        .expectBody()
        .jsonPath("$.requestId")
        .isEqualTo("portal-140428-0001")
        .jsonPath("$.internal")
        .isEqualTo("null");
  }

  @Test
  void refusesMissingExpiredForgedAndUnsignedTokensBeforeRouting() throws Exception {
    RSAKey forger = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
    String valid = token(claims -> {});
    String[] parts = valid.split("\\.");
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims(c -> c.claim("tenant_type", "OPERATOR").claim("tenant_id", "14"))
                    .toString()
                    .getBytes());
    List<String> refused =
        List.of(
            token(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(300)))),
            token(claims -> claims.issuer("http://elsewhere.test")),
            sign(claims(claims -> {}), forger),
            new PlainJWT(claims(claims -> {})).serialize(),
            parts[0] + "." + otherPayload + "." + parts[2],
            "not-a-token");

    http.get()
        .uri("/api/v1/projects/1")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
    for (String token : refused) {
      http.get()
          .uri("/api/v1/projects/1")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void answersAProblem503WhenTheServiceIsDown() {
    http.get()
        .uri("/api/v1/products")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
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
        .isEqualTo("服务暂不可用")
        .jsonPath("$.detail")
        .isEqualTo("credit-service 暂时没有应答。除非请求已到达该服务，否则未做任何更改；请几秒后重试。")
        .jsonPath("$.service")
        .isEqualTo("credit-service");
  }

  @Test
  void answersTheDownServices503InEnglishOnRequest() {
    http.get()
        .uri("/api/v1/products")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Service unavailable")
        .jsonPath("$.detail")
        .isEqualTo(
            "The credit-service is not answering right now. Nothing was changed by this request"
                + " unless it reached the service; retry in a few seconds.");
  }

  /**
   * The service never answers, so only the route's time limiter can end the request: a 503 from the
   * fallback proves it did, however long a loaded machine takes to get there.
   */
  @Test
  void aServiceThatNeverAnswersGetsTheFallbackAtTheRouteTimeout() {
    http.mutate()
        .responseTimeout(Duration.ofSeconds(60))
        .build()
        .post()
        .uri("/api/v1/projects/hung")
        .header(
            HttpHeaders.AUTHORIZATION,
            "Bearer " + token(claims -> claims.claim("tenant_id", "140481")))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("project-service");
    assertThat(hung.get()).as("reached the service once, never retried").isEqualTo(1);
  }

  @Test
  void aTenantOverItsBudgetGets429WhileAnotherTenantIsServed() {
    String busy = token(claims -> claims.claim("tenant_id", "140423"));
    int served = 0;
    int limited = 0;
    for (int i = 0; i < 8; i++) {
      int status =
          http.get()
              .uri("/api/v1/projects/" + i)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value();
      if (status == 200) {
        served++;
      } else if (status == 429) {
        limited++;
      }
    }
    assertThat(served).isEqualTo(5);
    assertThat(limited).isEqualTo(3);

    http.get()
        .uri("/api/v1/projects/9")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals(HttpHeaders.RETRY_AFTER, "30")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/v1/projects/10")
        .header(
            HttpHeaders.AUTHORIZATION,
            "Bearer " + token(claims -> claims.claim("tenant_id", "140702")))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/projects%2F42",
        "/api/v1/projects%5C42",
        "/api/v1/..;/projects",
        "/api/v1/projects/42%00",
        "/api/v1/projects/42%0d%0aX-Injected:1"
      })
  void aPathTheFirewallRefusesIsAProblemBeforeAnyTokenOrRoute(String path) {
    http.get()
        .uri(URI.create("http://localhost:" + port + path))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "BREW"})
  void anUnansweredMethodIsA405Problem(String method) {
    http.method(HttpMethod.valueOf(method))
        .uri("/api/v1/projects/42")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aBodyDeclaredInAnotherCharsetIsRefusedBeforeRouting() {
    http.post()
        .uri("/api/v1/projects")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .header(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-16")
        .bodyValue("{\"title\":\"长子县\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aControlCharacterInAQueryIsRefusedNamingTheParameter() {
    http.get()
        .uri(
            builder ->
                builder.path("/api/v1/projects").queryParam("county", "{c}").build("1404\u0000"))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("county");
  }

  @Test
  void aBodyOverTheLimitAnswers413() {
    String token = token(claims -> claims.claim("tenant_id", "611021"));
    WebTestClient.ResponseSpec declared =
        http.post()
            .uri("/api/v1/projects")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"title\":\"" + "长".repeat(600) + "\"}")
            .exchange();
    assertTooLarge(declared, "请求体超过了 API 接受的大小。");
    // Chunked: no Content-Length announces it, the count as it streams stops it.
    WebTestClient.ResponseSpec chunked =
        http.post()
            .uri("/api/v1/projects")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                BodyInserters.fromPublisher(
                    Flux.range(0, 40).map(i -> "{\"title\":\"" + "长".repeat(20) + "\"}"),
                    String.class))
            .exchange();
    assertTooLarge(chunked, "The request body is larger than the API accepts.");
    http.post()
        .uri("/api/v1/projects")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"title\":\"长子县\"}")
        .exchange()
        .expectStatus()
        .isCreated();
  }

  @Test
  void aRequestLineTooLongIsA414ProblemBeforeAnyTokenOrRoute() {
    http.get()
        .uri("/api/v1/projects/" + "4".repeat(5_000))
        .exchange()
        .expectStatus()
        .isEqualTo(414)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(414)
        .jsonPath("$.detail")
        .isEqualTo("请求行（路径与查询参数）超过了服务器接受的长度。");
  }

  @Test
  void headersTooLargeAreA431ProblemInTheLanguageAskedForBeforeThem() {
    http.get()
        .uri("/api/v1/projects/42")
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .header("X-Portal-Note", "note".repeat(3_000))
        .exchange()
        .expectStatus()
        .isEqualTo(431)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(431)
        .jsonPath("$.detail")
        .isEqualTo("The request headers are larger than the server accepts.");
  }

  @Test
  void theDocumentsPageListsEveryServicesDocumentAndEachIsRoutedWithoutAToken() {
    String page =
        http.get()
            .uri("/docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("活水 API 文档");
    for (String service :
        List.of(
            "identity-service",
            "project-service",
            "credit-service",
            "matching-service",
            "notification-service")) {
      assertThat(page).contains("href=\"/openapi/" + service + ".yaml\"");
    }
    // The stand-ins answer under the name they were asked for: each document reached its service.
    for (String service : List.of("identity-service", "project-service", "notification-service")) {
      http.get()
          .uri("/openapi/" + service + ".yaml")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(document -> assertThat(document).contains("title: " + service + ".yaml"));
    }
    // Routed, not refused: the document of a service that is down is its fallback, not a 401.
    http.get()
        .uri("/openapi/credit-service.yaml")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("credit-service");
  }

  @Test
  void retriesAnIdempotentRequestButNeverAPost() {
    String token = token(claims -> claims.claim("tenant_id", "611024"));
    http.get()
        .uri("/api/v1/projects/flaky")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(flakyGets.get()).isEqualTo(2);

    http.post()
        .uri("/api/v1/projects/flaky")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(503);
    assertThat(flakyPosts.get()).isEqualTo(1);
  }

  @Test
  void servesItsOwnHealthAndMetricsButNoServiceActuator() {
    http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("application=\"gateway\""));
    http.get()
        .uri("/api/v1/projects/../../actuator/env")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(claims -> {}))
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isIn(400, 403, 404));
  }

  private static void assertTooLarge(WebTestClient.ResponseSpec response, String detail) {
    response
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(detail);
  }

  private static String token(Consumer<JWTClaimsSet.Builder> customize) {
    return sign(claims(customize), issuerKey);
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> customize) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("county-140428")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .claim("tenant_type", "COUNTY")
            .claim("tenant_id", "140428")
            .claim("scope", List.of("projects:read", "projects:write"));
    customize.accept(claims);
    return claims.build();
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
