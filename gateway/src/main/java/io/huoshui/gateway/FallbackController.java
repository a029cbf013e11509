package io.huoshui.gateway;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service cannot answer (down, too slow, or the
 * breaker open): a clear RFC 9457 503 that tells the portal to retry, instead of a hang.
 */
@RestController
class FallbackController {

  static final String RETRY_AFTER_SECONDS = "5";

  @RequestMapping("/fallback/{service}")
  Mono<ResponseEntity<ProblemDetail>> unavailable(@PathVariable String service) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The %s is not answering right now. Nothing was changed by this request unless it reached the service; retry in a few seconds."
                .formatted(service));
    problem.setTitle("Service unavailable");
    problem.setType(URI.create("https://huoshui.io/problems/service-unavailable"));
    problem.setProperty("service", service);
    return Mono.just(
        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .body(problem));
  }
}
