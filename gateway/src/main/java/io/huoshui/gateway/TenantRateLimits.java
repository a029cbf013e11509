package io.huoshui.gateway;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.huoshui.service.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request budget per tenant, so that one county portal in a loop cannot starve the others. A
 * request over budget is answered at once with 429 and Retry-After, never queued. Requests without
 * a token (the token endpoint) are budgeted per client address.
 */
@Component
class TenantRateLimits implements GlobalFilter, Ordered {

  private static final int MAX_ADDRESSES = 10_000;

  private final RateLimiterRegistry limiters;
  private final Duration period;
  private final Problems problems;
  private final MeterRegistry meters;

  /** Client addresses are unbounded: keep the most recent only. */
  private final Map<String, RateLimiter> byAddress =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
              return size() > MAX_ADDRESSES;
            }
          });

  TenantRateLimits(GatewayProperties properties, Problems problems, MeterRegistry meters) {
    this.period = properties.rateLimit().period();
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit().requests())
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build());
    this.problems = problems;
    this.meters = meters;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(JwtAuthenticationToken.class::cast)
        .map(token -> limiterOf(token))
        .switchIfEmpty(Mono.fromSupplier(() -> limiterOfAddress(exchange)))
        .flatMap(
            limiter ->
                limiter.acquirePermission() ? chain.filter(exchange) : reject(exchange, limiter));
  }

  private RateLimiter limiterOf(JwtAuthenticationToken token) {
    String tenant =
        token.getToken().getClaimAsString("tenant_type")
            + ":"
            + token.getToken().getClaimAsString("tenant_id");
    return limiters.rateLimiter(tenant);
  }

  private RateLimiter limiterOfAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String address = remote == null ? "unknown" : remote.getAddress().getHostAddress();
    return byAddress.computeIfAbsent(
        address, key -> RateLimiter.of("address:" + key, limiters.getDefaultConfig()));
  }

  private Mono<Void> reject(ServerWebExchange exchange, RateLimiter limiter) {
    meters.counter("huoshui.gateway.rate.limited", "limiter", kind(limiter)).increment();
    long retryAfter = Math.max(1, (period.toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        Problems.inLanguageOf(exchange, "请求过多", "Too many requests"),
        Problems.inLanguageOf(
                exchange,
                "此客户端在 %2$s 内发出了超过 %1$d 个请求，请在 %3$d 秒后重试。",
                "This client sent more than %d requests in %s; retry after %d s.")
            .formatted(limiter.getRateLimiterConfig().getLimitForPeriod(), period, retryAfter));
  }

  /** The tenant type, for a bounded metric label. */
  private static String kind(RateLimiter limiter) {
    String name = limiter.getName();
    return name.substring(0, name.indexOf(':'));
  }

  /** Right after the request size check, before any routing work. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 20;
  }
}
