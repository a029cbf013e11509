package io.huoshui.service.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * The last word on any error a reactive process did not answer itself: a problem+json with the
 * status the error carries, or a bare 500 whose cause goes to the log only.
 */
class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  static final String RETRY_AFTER_SECONDS = "5";

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
    Locale locale = exchange.getLocaleContext().getLocale();
    Map<String, Object> body =
        Problems.body(
            status,
            known == null ? "Error" : known.getReasonPhrase(),
            problem.detail(locale),
            exchange.getRequest().getPath().value());
    body.putAll(problem.extensions(locale));
    return body;
  }

  /**
   * Failures that mean a database is down or refuses connections. Named, not imported: the gateway
   * uses this handler too and has no database driver on its class path.
   */
  private static final Set<String> UNAVAILABLE_STORE =
      Set.of(
          "org.springframework.dao.DataAccessResourceFailureException",
          "org.springframework.dao.TransientDataAccessException",
          // No connection for a transaction (its pool spent, or the database away): nothing began.
          "org.springframework.transaction.CannotCreateTransactionException",
          "io.r2dbc.spi.R2dbcTransientResourceException",
          "io.r2dbc.spi.R2dbcNonTransientResourceException",
          "java.net.ConnectException");

  /**
   * A database that is down or refuses connections is a passing condition: the client is told to
   * come back (503), not that the request was wrong or that we failed it for good (500).
   */
  private static boolean isUnavailableStore(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
        if (UNAVAILABLE_STORE.contains(type.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The request id as the response carries it: the exchange an error handler is given is the one
   * before {@link RequestIds} added the id to its request.
   */
  private static String requestId(ServerWebExchange exchange) {
    String id = exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER);
    return id != null ? id : exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ApiProblem problem) {
      return problems.write(exchange, problem.getStatusCode(), bodyOf(exchange, problem));
    }
    if (error instanceof ServerWebInputException input) {
      ApiProblem invalid = InvalidInput.problemOf(input);
      return problems.write(exchange, invalid.getStatusCode(), bodyOf(exchange, invalid));
    }
    if (isUnavailableStore(error)) {
      log.warn(
          "{} {} (request {}) failed: its database is unreachable: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          requestId(exchange),
          error.toString());
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      return problems.write(
          exchange,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          Problems.inLanguageOf(
              exchange,
              "服务暂时无法访问其数据，本次请求未做任何更改，请稍后重试。",
              "The service cannot reach its data right now; nothing was changed. Retry shortly."));
    }
    if (error instanceof ResponseStatusException status
        && status.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
      // The codec's and the gateway's limit alike: the framework's reason is empty.
      return problems.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          ServerLimits.problem(
              HttpStatus.CONTENT_TOO_LARGE,
              exchange.getLocaleContext().getLocale(),
              exchange.getRequest().getPath().value()));
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatusCode code = status.getStatusCode();
      HttpStatus known = HttpStatus.resolve(code.value());
      String title = known == null ? "Error" : known.getReasonPhrase();
      // The framework's "no resource" reason quotes the request URL as the process saw it,
      // which is an internal address behind the gateway.
      String detail =
          status instanceof NoResourceFoundException || status.getReason() == null
              ? Problems.inLanguageOf(exchange, "%s 处没有资源。", "There is nothing at %s.")
                  .formatted(exchange.getRequest().getPath().value())
              : status.getReason();
      status
          .getHeaders()
          .forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
      return problems.write(exchange, code, title, detail);
    }
    if (error instanceof AbortedException) {
      // The client hung up (its own timeout, a gateway's): there is nobody to answer, and the
      // service did nothing wrong.
      log.debug(
          "{} {} (request {}): the client closed the connection",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          requestId(exchange));
      return Mono.empty();
    }
    log.error(
        "Unhandled error on {} {} (request {})",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        requestId(exchange),
        error);
    return problems.write(
        exchange,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        Problems.inLanguageOf(
            exchange,
            "请求在服务端失败，已记录日志；反馈时请提供 X-Request-Id。",
            "The request failed on our side. It was logged; quote the X-Request-Id when you report"
                + " it."));
  }
}
