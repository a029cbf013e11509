package io.huoshui.service.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request carries an {@code X-Request-Id}: the caller's when it sent a sane one, a new one
 * otherwise. It goes back on the response, on to the services behind the gateway and into an access
 * log line, so that a county officer's complaint can be followed through every process.
 */
public class RequestIds implements WebFilter, Ordered {

  public static final String HEADER = "X-Request-Id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final Logger access = LoggerFactory.getLogger("huoshui.access");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
    String id =
        offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
    exchange.getResponse().getHeaders().set(HEADER, id);
    long started = System.nanoTime();
    return chain
        .filter(exchange.mutate().request(request).build())
        .doFinally(
            signal ->
                access.info(
                    "{} {} {} {}ms request_id={}",
                    request.getMethod(),
                    request.getPath().value(),
                    exchange.getResponse().getStatusCode() == null
                        ? "-"
                        : exchange.getResponse().getStatusCode().value(),
                    (System.nanoTime() - started) / 1_000_000,
                    id));
  }

  /** First of all filters, so that even a rejected request gets an id. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
