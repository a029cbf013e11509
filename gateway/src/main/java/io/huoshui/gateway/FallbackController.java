package io.huoshui.gateway;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.huoshui.service.web.Problems;
import java.net.URI;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service cannot answer (down, too slow, the
 * breaker open, or its bulkhead full): a clear RFC 9457 503 that tells the portal to retry, instead
 * of a hang.
 */
@RestController
class FallbackController {

  static final String RETRY_AFTER_SECONDS = "5";

  /** A full bulkhead empties as fast as the service answers: worth retrying sooner. */
  static final String BUSY_RETRY_AFTER_SECONDS = "1";

  @RequestMapping("/fallback/{service}")
  Mono<ResponseEntity<ProblemDetail>> unavailable(
      @PathVariable String service, ServerWebExchange exchange) {
    // The route's Retry takes this 503 for the service's own and tries again, which fails over to
    // here once more: the first answer has been sent, and there is nothing to add to it.
    if (exchange.getResponse().isCommitted()) {
      return Mono.empty();
    }
    boolean busy =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
            instanceof BulkheadFullException;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            (busy
                    ? Problems.inLanguageOf(
                        exchange,
                        "%s 手头的请求已达网关放行的上限，本次请求未转发给它，请一秒后重试。",
                        "The %s has as many requests in hand as the gateway lets through; this one"
                            + " was not sent to it. Retry in a second.")
                    : Problems.inLanguageOf(
                        exchange,
                        "%s 暂时没有应答。除非请求已到达该服务，否则未做任何更改；请几秒后重试。",
                        "The %s is not answering right now. Nothing was changed by this request"
                            + " unless it reached the service; retry in a few seconds."))
                .formatted(service));
    problem.setTitle(
        busy
            ? Problems.inLanguageOf(exchange, "服务繁忙", "Service busy")
            : Problems.inLanguageOf(exchange, "服务暂不可用", "Service unavailable"));
    problem.setType(
        URI.create(
            busy
                ? "https://huoshui.io/problems/service-busy"
                : "https://huoshui.io/problems/service-unavailable"));
    problem.setProperty("service", service);
    return Mono.just(
        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, busy ? BUSY_RETRY_AFTER_SECONDS : RETRY_AFTER_SECONDS)
            .body(problem));
  }
}
