package io.huoshui.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
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
        .contains("There is nothing at /api/v1/x.")
        .doesNotContain("10.0.0.8");
  }

  @Test
  void itRunsBeforeBootsOwnErrorHandler() {
    assertThat(handler.getOrder()).isLessThan(-1);
  }
}
