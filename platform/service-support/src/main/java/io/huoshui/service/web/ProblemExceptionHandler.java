package io.huoshui.service.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on any error a reactive process did not answer itself: a problem+json with the
 * status the error carries, or a bare 500 whose cause goes to the log only.
 */
class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final Problems problems;

  ProblemExceptionHandler(Problems problems) {
    this.problems = problems;
  }

  /** Before Boot's own handler (order -1), which answers in a JSON format of its own. */
  @Override
  public int getOrder() {
    return -2;
  }

  private static Map<String, Object> bodyOf(ServerWebExchange exchange, ApiProblem problem) {
    HttpStatusCode status = problem.getStatusCode();
    HttpStatus known = HttpStatus.resolve(status.value());
    Map<String, Object> body =
        Problems.body(
            status,
            known == null ? "Error" : known.getReasonPhrase(),
            problem.getReason(),
            exchange.getRequest().getPath().value());
    body.putAll(problem.extensions());
    return body;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ApiProblem problem) {
      return problems.write(exchange, problem.getStatusCode(), bodyOf(exchange, problem));
    }
    if (error instanceof ServerWebInputException input) {
      ApiProblem invalid = ApiProblem.invalid(InvalidInput.errorsOf(input));
      return problems.write(exchange, invalid.getStatusCode(), bodyOf(exchange, invalid));
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatusCode code = status.getStatusCode();
      HttpStatus known = HttpStatus.resolve(code.value());
      String title = known == null ? "Error" : known.getReasonPhrase();
      // The framework's "no resource" reason quotes the request URL as the process saw it,
      // which is an internal address behind the gateway.
      String detail =
          status instanceof NoResourceFoundException || status.getReason() == null
              ? "There is nothing at %s.".formatted(exchange.getRequest().getPath().value())
              : status.getReason();
      status
          .getHeaders()
          .forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
      return problems.write(exchange, code, title, detail);
    }
    log.error(
        "Unhandled error on {} {} (request {})",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER),
        error);
    return problems.write(
        exchange,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The request failed on our side. It was logged; quote the X-Request-Id when you report it.");
  }
}
