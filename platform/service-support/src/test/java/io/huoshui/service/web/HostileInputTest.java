package io.huoshui.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.servicetest.hostile.HostileCase;
import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.HostileQuery;
import io.huoshui.servicetest.hostile.HostileText;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus against a real server with the platform's conventions: every malformed
 * body and filter is a 400 problem+json naming its field and nothing of our insides, and hostile
 * but valid text comes back exactly.
 */
@SpringBootTest(
    classes = HostileInputTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=hostile-test",
      "spring.autoconfigure.exclude="
          + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
          + "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration,"
          + "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration,"
          + "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration,"
          + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
          + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
    })
class HostileInputTest {

  enum Industry {
    AGRICULTURE,
    TRANSPORT
  }

  record Enterprise(String name, String creditCode) {}

  record Demand(
      String title,
      @Prose String description,
      BigDecimal amountRequested,
      int termMonths,
      Industry industry,
      LocalDate neededBy,
      boolean green,
      Enterprise enterprise,
      List<String> tags) {}

  record Schedule(Instant at, OffsetDateTime from, LocalDateTime local) {}

  static final String VALID_SCHEDULE =
      """
      {"at": "2026-11-01T00:00:00Z", "from": "2026-11-01T08:00:00+08:00",
       "local": "2026-11-01T08:00:00"}
      """;

  static final String VALID =
      """
      {"title": "潞尧食用菌扩产", "description": "第一行\\n第二行",
       "amountRequested": "70000000.00", "termMonths": 36, "industry": "AGRICULTURE",
       "neededBy": "2026-12-01", "green": true,
       "enterprise": {"name": "山西潞尧食用菌有限公司", "creditCode": "91140428MA0K1234X5"},
       "tags": ["食用菌"]}
      """;

  @SpringBootApplication
  @RestController
  static class App {

    /** The rules under test do not depend on who calls: this app answers without a token. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain open(ServerHttpSecurity http) {
      return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
          .csrf(ServerHttpSecurity.CsrfSpec::disable)
          .build();
    }

    @PostMapping("/api/v1/demands")
    Mono<Demand> submit(@RequestBody Demand demand) {
      return Mono.just(demand);
    }

    @PostMapping("/api/v1/schedules")
    Mono<Schedule> schedule(@RequestBody Schedule schedule) {
      return Mono.just(schedule);
    }

    @GetMapping("/api/v1/schedules")
    Mono<Map<String, Object>> schedules(
        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
      Map<String, Object> read = new java.util.LinkedHashMap<>();
      read.put("from", QueryParameters.dateTime("from", from));
      read.put("to", QueryParameters.instant("to", to));
      return Mono.just(read);
    }

    @GetMapping("/api/v1/pages")
    Mono<PageRequest> pages(
        @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
      return Mono.just(PageRequest.parse(page, size));
    }

    @GetMapping("/api/v1/demands")
    Mono<Map<String, Object>> list(
        @RequestParam(required = false) String submittedFrom,
        @RequestParam(required = false) String amount,
        @RequestParam(required = false) String county,
        @RequestParam(required = false) String industry) {
      LocalDate from = QueryParameters.date("submittedFrom", submittedFrom);
      BigDecimal least =
          QueryParameters.amount(
              "amount", amount, BigDecimal.ONE, new BigDecimal("100000000000.00"));
      String code = QueryParameters.text("county", county);
      Industry wanted = QueryParameters.oneOf("industry", industry, Industry.class);
      Map<String, Object> read = new java.util.LinkedHashMap<>();
      read.put("from", from);
      read.put("amount", least);
      read.put("county", code);
      read.put("industry", wanted);
      return Mono.just(read);
    }
  }

  @LocalServerPort int port;
  private WebTestClient client;

  @BeforeEach
  void connect() {
    // A client of its own, outside the test support's settings: its 5 s default is a loaded
    // machine's pause, not a server that failed to answer.
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofMinutes(1))
            .build();
  }

  private final JsonMapper json = JsonMapper.builder().build();

  static Stream<HostileCase> malformedBodies() {
    return HostileCorpus.forBody(VALID, Set.of("description"));
  }

  static Stream<HostileText> hostileTexts() {
    return HostileCorpus.roundTrips(VALID);
  }

  static Stream<HostileQuery> malformedQueries() {
    return HostileCorpus.forQuery(
        Map.of(
            "submittedFrom", "2026-11-01",
            "amount", "1000.00",
            "county", "长子县",
            "industry", "AGRICULTURE"));
  }

  @Test
  void theValidExampleIsAccepted() {
    client
        .post()
        .uri("/api/v1/demands")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void aMalformedBodyIsRefusedNamingItsField(HostileCase hostile) {
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client
                .post()
                .uri("/api/v1/demands")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(hostile.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange());
    assertNamesFieldWithoutInternals(answer, hostile.field());
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileButValidTextComesBackExactly(HostileText hostile) {
    byte[] answer =
        client
            .post()
            .uri("/api/v1/demands")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(hostile.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    JsonNode node = json.readTree(answer);
    for (String step : hostile.field().replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
      node = step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
    }
    assertThat(node.asString()).isEqualTo(hostile.text());
  }

  @ParameterizedTest
  @MethodSource("malformedQueries")
  void aMalformedFilterIsRefusedNamingIt(HostileQuery hostile) {
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client
                .get()
                .uri(
                    builder -> {
                      builder.path("/api/v1/demands");
                      hostile
                          .parameters()
                          .keySet()
                          .forEach(name -> builder.queryParam(name, "{" + name + "}"));
                      return builder.build(hostile.parameters());
                    })
                .exchange());
    assertNamesFieldWithoutInternals(answer, hostile.field());
  }

  @Test
  void validFiltersAreRead() {
    client
        .get()
        .uri(
            "/api/v1/demands?submittedFrom=2026-11-01&amount=1000.00&county=长子县&industry=TRANSPORT")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.amount")
        .isEqualTo("1000.00")
        .jsonPath("$.industry")
        .isEqualTo("TRANSPORT");
  }

  @Test
  void aRefusalIsChineseFirstAndEnglishOnRequest() {
    String body = VALID.replace("\"termMonths\": 36", "\"termMonths\": 1.5");
    client
        .post()
        .uri("/api/v1/demands")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("termMonths")
        .jsonPath("$.errors[0].message")
        .isEqualTo("必须是整数");
    client
        .post()
        .uri("/api/v1/demands")
        .header("Accept-Language", "en")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be a whole number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"utf-16", "ISO-8859-1", "US-ASCII"})
  void aBodyInAnotherCharsetIsRefused(String charset) {
    client
        .post()
        .uri("/api/v1/demands")
        .header("Content-Type", "application/json;charset=" + charset)
        .bodyValue(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/a%2Fb",
        "/api/v1/a%5Cb",
        "/api/v1/..;/demands",
        "/api/v1/demands;x=1",
        "/api/v1/a%00b",
        "/api/v1/a%0d%0aSet-Cookie:x"
      })
  void aPathTheFirewallRefusesIsAProblem(String path) {
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client.get().uri(URI.create("http://localhost:" + port + path)).exchange());
    assertThat(new String(answer.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain("Exception")
        .doesNotContain("firewall");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "BREW"})
  void anUnansweredMethodIsA405Problem(String method) {
    client
        .method(HttpMethod.valueOf(method))
        .uri("/api/v1/demands")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anUnacceptableAnswerTypeIsA406Problem() {
    client
        .get()
        .uri("/api/v1/demands")
        .accept(MediaType.APPLICATION_XML)
        .exchange()
        .expectStatus()
        .isEqualTo(406)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aBodyOfAnotherTypeIsA415Problem() {
    client
        .post()
        .uri("/api/v1/demands")
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("title=x")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aBodyOverTheCodecsLimitIsA413ProblemInChineseAndInEnglishOnRequest() {
    String body = VALID.replace("第一行", "长".repeat(300_000));
    for (String language : List.of("zh-CN", "en")) {
      EntityExchangeResult<byte[]> answer =
          client
              .post()
              .uri("/api/v1/demands")
              .header("Accept-Language", language)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body.getBytes(StandardCharsets.UTF_8))
              .exchange()
              .expectStatus()
              .isEqualTo(413)
              .expectHeader()
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody()
              .returnResult();
      JsonNode problem = json.readTree(answer.getResponseBodyContent());
      assertThat(problem.get("status").asInt()).isEqualTo(413);
      assertThat(problem.get("detail").asString())
          .isEqualTo(
              language.equals("en")
                  ? "The request body is larger than the API accepts."
                  : "请求体超过了 API 接受的大小。");
    }
  }

  @Test
  void momentsWithinTheYearsAreRead() {
    client
        .post()
        .uri("/api/v1/schedules")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(VALID_SCHEDULE)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.local")
        .isEqualTo("2026-11-01T08:00:00");
    client
        .get()
        .uri(
            builder ->
                builder
                    .path("/api/v1/schedules")
                    .queryParam("from", "{from}")
                    .queryParam("to", "{to}")
                    .build("2026-11-01T08:00:00+08:00", "9999-12-31T23:59:59Z"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.to")
        .isEqualTo("9999-12-31T23:59:59Z");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "at    | \"+999999999-12-31T00:00:00Z\"",
        "at    | \"1899-12-31T23:59:59Z\"",
        "at    | 1700000000",
        "at    | \"2026-11-01\"",
        "from  | \"+999999999-12-31T23:59:59-18:00\"",
        "from  | \"1900-01-01T07:59:59+08:00\"",
        "local | \"+10000-01-01T00:00:00\"",
        "local | \"0001-01-01T00:00:00\""
      })
  void aMomentOutsideTheYearsOrNotAStringIsRefusedNamingIt(String field, String value) {
    String body =
        VALID_SCHEDULE.replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": " + value);
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client
                .post()
                .uri("/api/v1/schedules")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange());
    assertNamesFieldWithoutInternals(answer, field);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "from | +999999999-12-31T00:00:00Z",
        "from | 1899-12-31T23:59:59Z",
        "from | 2026-11-01T08:00:00",
        "to   | 10000-01-01T00:00:00Z",
        "to   | 1e200000"
      })
  void aDateTimeFilterOutsideTheYearsIsRefusedNamingIt(String name, String value) {
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client
                .get()
                .uri(
                    builder ->
                        builder.path("/api/v1/schedules").queryParam(name, "{v}").build(value))
                .exchange());
    assertNamesFieldWithoutInternals(answer, name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page | ' 1'",
        "page | +1",
        "page | -0",
        "page | 0x10",
        "page | 1.5",
        "page | 1e3",
        "page | ''",
        "page | 9999999999",
        "size | 0",
        "size | 101",
        "size | '20\u0000'"
      })
  void aPageNumberThatIsNotPlainDigitsInItsRangeIsRefusedNamingIt(String name, String value) {
    EntityExchangeResult<byte[]> answer =
        refusedAsProblem(
            client
                .get()
                .uri(builder -> builder.path("/api/v1/pages").queryParam(name, "{v}").build(value))
                .exchange());
    assertNamesFieldWithoutInternals(answer, name);
  }

  @Test
  void aPageOfPlainDigitsIsRead() {
    client
        .get()
        .uri("/api/v1/pages?page=3&size=100")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.page")
        .isEqualTo(3)
        .jsonPath("$.size")
        .isEqualTo(100);
  }

  /**
   * What the server refuses before any filter runs, sent as raw bytes over a socket. A request line
   * too long is refused before any header is read, so its answer is in the default language;
   * headers too large are answered in the language of an Accept-Language read before the limit.
   */
  static Stream<Arguments> requestsTheServerRefuses() {
    String longPath = "/api/v1/demands?county=" + "1".repeat(5_000);
    String hugeHeader = "X-Filler: " + "a".repeat(10_000) + "\r\n";
    return Stream.of(
        Arguments.of("GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "请求行"),
        Arguments.of(
            "GET /api/v1/demands HTTP/1.1\r\nHost: x\r\n" + hugeHeader + "\r\n", 431, "请求头"),
        Arguments.of(
            "GET /api/v1/demands HTTP/1.1\r\nAccept-Language: en\r\nHost: x\r\n"
                + hugeHeader
                + "\r\n",
            431,
            "The request headers"),
        Arguments.of(
            "GET /api/v1/demands HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n",
            400,
            "请求不是格式正确的 HTTP 请求"));
  }

  @ParameterizedTest
  @MethodSource("requestsTheServerRefuses")
  void whatTheServerRefusesBeforeAnyFilterIsAProblemInTheRequestsLanguage(
      String request, int status, String detail) throws Exception {
    String answer = RawHttp.exchange(port, request);
    assertThat(answer)
        .startsWith("HTTP/1.1 " + status + " ")
        .containsIgnoringCase("content-type: application/problem+json");
    JsonNode problem = json.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).startsWith(detail);
    assertThat(answer).doesNotContain("Exception").doesNotContain("netty");
  }

  @Test
  void theServerStillAnswersAWellFormedRequestAfterRefusingOthers() throws Exception {
    RawHttp.exchange(port, "GET /" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(
            RawHttp.exchange(
                port,
                "GET /api/v1/demands?county=140428 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 200 ");
  }

  private static EntityExchangeResult<byte[]> refusedAsProblem(
      WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .returnResult();
  }

  private void assertNamesFieldWithoutInternals(EntityExchangeResult<byte[]> answer, String field) {
    String text =
        new String(answer.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8);
    JsonNode problem = json.readTree(text);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
    assertThat(text)
        .doesNotContain("tools.jackson")
        .doesNotContain("io.huoshui")
        .doesNotContain("Exception")
        .doesNotContain("java.");
  }
}
