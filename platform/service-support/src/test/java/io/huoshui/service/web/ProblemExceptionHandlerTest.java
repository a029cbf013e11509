package io.huoshui.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.netty.channel.AbortedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemExceptionHandlerTest {

  private final JsonMapper json = JsonMapper.builder().build();
  private final ProblemExceptionHandler handler = new ProblemExceptionHandler(new Problems(json));

  @Test
  void aStatusErrorBecomesAProblemWithItsStatusAndReason() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/projects/unknown"));

    handler
        .handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND, "no such demand"))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("title").asString()).isEqualTo("Not Found");
    assertThat(problem.get("detail").asString()).isEqualTo("no such demand");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/projects/unknown");
  }

  @Test
  void anUnexpectedErrorTellsNothingOfItsCause() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/projects"));

    handler
        .handle(exchange, new IllegalStateException("connection to 10.0.0.7:5432 refused"))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    String body = exchange.getResponse().getBodyAsString().block();
    assertThat(body)
        .contains("\"status\":500")
        .doesNotContain("10.0.0.7")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownPathDoesNotEchoTheAddressTheServiceSawItUnder() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("http://10.0.0.8:8081/api/v1/x"));

    handler
        .handle(exchange, new NoResourceFoundException(exchange.getRequest().getURI(), "api/v1/x"))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("/api/v1/x 处没有资源。")
        .doesNotContain("10.0.0.8");
  }

  @Test
  void aPortalThatAsksForEnglishIsAnsweredInEnglish() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("http://10.0.0.8:8081/api/v1/x")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"));

    handler
        .handle(exchange, new NoResourceFoundException(exchange.getRequest().getURI(), "api/v1/x"))
        .block();

    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("There is nothing at /api/v1/x.");
  }

  @Test
  void aClientThatHungUpIsNotAnsweredNorCountedAsAFailure() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/matches/1/responses"));

    handler.handle(exchange, new AbortedException("Connection has been closed")).block();

    assertThat(exchange.getResponse().isCommitted()).isFalse();
    assertThat(exchange.getResponse().getStatusCode()).isNull();
  }

  @Test
  void itRunsBeforeBootsOwnErrorHandler() {
    assertThat(handler.getOrder()).isLessThan(-1);
  }

  enum Size {
    MICRO,
    SMALL
  }

  record Enterprise(String name, Size size) {}

  record Demand(String title, Enterprise enterprise, java.math.BigDecimal amountRequested) {}

  /** In English, as a client asks for it; the default, Chinese, is checked below. */
  private JsonNode problemFor(ServerWebInputException error) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/api/v1/projects").header("Accept-Language", "en"));
    handler.handle(exchange, error).block();
    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return json.readTree(exchange.getResponse().getBodyAsString().block());
  }

  private ServerWebInputException decoding(String body) {
    JsonMapper strict =
        JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    try {
      strict.readValue(body, Demand.class);
    } catch (tools.jackson.core.JacksonException e) {
      return new ServerWebInputException("Failed to read HTTP message", null, e);
    }
    throw new AssertionError("expected " + body + " to be refused");
  }

  @Test
  void anUnknownFieldIsNamedWithItsPath() {
    JsonNode problem = problemFor(decoding("{\"enterprise\": {\"nmae\": \"山西德儒\"}}"));
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("enterprise.nmae");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("is not a field of this request");
  }

  @Test
  void aBadEnumNamesTheValuesItMayTakeAndNoInternalClass() {
    JsonNode problem = problemFor(decoding("{\"enterprise\": {\"size\": \"HUGE\"}}"));
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("enterprise.size");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("must be one of MICRO, SMALL");
    assertThat(problem.toString()).doesNotContain("io.huoshui");
  }

  @Test
  void aNumberFieldGivenAnObjectSaysWhatItMustBe() {
    JsonNode problem = problemFor(decoding("{\"amountRequested\": {\"value\": 1}}"));
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("amountRequested");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("must be a number");
  }

  @Test
  void aRefusalIsChineseWhenNoLanguageIsAsked() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/projects"));
    handler.handle(exchange, decoding("{\"enterprise\": {\"nmae\": \"山西德儒\"}}")).block();
    JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
    assertThat(problem.get("detail").asString()).isEqualTo("请求中有无效的字段，见 errors。");
    assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("不是此请求的字段");
  }

  @Test
  void malformedJsonIsNamedAsTheBody() {
    JsonNode problem = problemFor(decoding("{\"title\": "));
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("is not well-formed JSON");
  }

  private static final ApiProblem APPROVAL_BEFORE_INTEREST =
      ApiProblem.conflict(
          "APPROVAL_BEFORE_INTEREST",
          "请先答复 INTEREST，再答复 APPROVAL。",
          "Answer INTEREST before APPROVAL.");

  @Test
  void aDomainRuleAnswersWithItsCodeInChineseByDefault() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/matches/m1/responses"));

    handler.handle(exchange, APPROVAL_BEFORE_INTEREST).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
    assertThat(problem.get("code").asString()).isEqualTo("APPROVAL_BEFORE_INTEREST");
    assertThat(problem.get("detail").asString()).isEqualTo("请先答复 INTEREST，再答复 APPROVAL。");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/matches/m1/responses");
  }

  @Test
  void aDomainRuleAnswersInEnglishWhenAskedTo() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/api/v1/matches/m1/responses")
                .header("Accept-Language", "en-GB,en;q=0.8"));

    handler.handle(exchange, APPROVAL_BEFORE_INTEREST).block();

    JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
    assertThat(problem.get("detail").asString()).isEqualTo("Answer INTEREST before APPROVAL.");
  }

  @Test
  void aServicesOwnFieldRefusalIsWordedInTheRequestsLanguage() {
    ApiProblem tooEarly = ApiProblem.invalid("disbursedOn", "不得晚于今天", "must not be in the future");
    MockServerWebExchange chinese =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/matches/m1/responses"));
    MockServerWebExchange english =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/api/v1/matches/m1/responses")
                .header("Accept-Language", "en"));

    handler.handle(chinese, tooEarly).block();
    handler.handle(english, tooEarly).block();

    JsonNode inChinese = json.readTree(chinese.getResponse().getBodyAsString().block());
    JsonNode inEnglish = json.readTree(english.getResponse().getBodyAsString().block());
    assertThat(inChinese.get("detail").asString()).isEqualTo("请求中有无效的字段，见 errors。");
    assertThat(inChinese.get("errors").get(0).get("message").asString()).isEqualTo("不得晚于今天");
    assertThat(inEnglish.get("errors").get(0).get("field").asString()).isEqualTo("disbursedOn");
    assertThat(inEnglish.get("errors").get(0).get("message").asString())
        .isEqualTo("must not be in the future");
  }

  @Test
  void anUnreachableDatabaseAsksTheClientToComeBackLater() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/projects"));

    handler
        .handle(
            exchange,
            new IllegalStateException(
                "pool", new java.net.ConnectException("Connection refused: /10.0.0.9:5432")))
        .block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"status\":503")
        .doesNotContain("10.0.0.9");
  }
}
