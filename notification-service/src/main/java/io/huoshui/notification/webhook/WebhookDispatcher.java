package io.huoshui.notification.webhook;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.huoshui.notification.notice.Texts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs due deliveries to their endpoints. Everything it decides is in the database (the schedule,
 * the leases, the outcome of each attempt), so a restarted process carries on where the last one
 * stopped. Endpoints are independent: each has its own circuit breaker and at most a few attempts
 * in flight, so a slow or dead one never holds up another tenant's.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  private final Deliveries deliveries;
  private final Texts texts;
  private final JsonMapper json;
  private final WebClient http;
  private final CircuitBreakerRegistry breakers;
  private final Clock clock;
  private final MeterRegistry meters;
  private final WebhookProperties settings;
  private final Endpoints endpoints;
  private final DeliverySignal signal;
  private final IntervalFunction backoff;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong parked = new AtomicLong();
  private volatile Disposable.Composite running;

  WebhookDispatcher(
      Deliveries deliveries,
      Texts texts,
      JsonMapper json,
      WebClient webhookClient,
      CircuitBreakerRegistry webhookBreakers,
      Clock clock,
      MeterRegistry meters,
      WebhookProperties settings,
      Endpoints endpoints,
      DeliverySignal signal) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.signal = signal;
    this.texts = texts;
    this.json = json;
    this.http = webhookClient;
    this.breakers = webhookBreakers;
    this.clock = clock;
    this.meters = meters;
    this.settings = settings;
    WebhookProperties.Retry retry = settings.retry();
    this.backoff =
        IntervalFunction.ofExponentialRandomBackoff(
            retry.initialInterval(),
            retry.multiplier(),
            retry.randomization(),
            retry.maxInterval());
    Gauge.builder("huoshui.webhook.parked", parked, AtomicLong::get)
        .description("Webhook deliveries parked after their last attempt, waiting for a replay")
        .register(meters);
  }

  /** One look for due deliveries; starts their attempts and returns without waiting for them. */
  Mono<Integer> round() {
    int free = settings.maxConcurrency() - inFlight.get();
    if (free <= 0) {
      return Mono.just(0);
    }
    Instant now = clock.instant();
    return deliveries
        .claim(now, now.plus(settings.lease()), free, settings.perEndpointConcurrency())
        .collectList()
        // Launched once the claims are committed, never for a claim that could still roll back.
        .doOnNext(claimed -> claimed.forEach(this::launch))
        .map(List::size);
  }

  private void launch(ClaimedDelivery delivery) {
    Disposable.Composite attempts = running;
    Disposable.Swap slot = Disposables.swap();
    if (attempts != null) {
      attempts.add(slot);
    }
    inFlight.incrementAndGet();
    slot.update(
        attempt(delivery)
            .onErrorResume(
                error -> {
                  // The outcome could not be recorded: the lease lapses and the delivery is tried
                  // again, so nothing is lost.
                  log.warn("Recording the attempt of delivery {} failed", delivery.id(), error);
                  return Mono.empty();
                })
            .doFinally(
                ended -> {
                  inFlight.decrementAndGet();
                  if (attempts != null) {
                    attempts.remove(slot);
                  }
                  signal.dueNow();
                })
            .subscribe());
  }

  private Mono<Void> attempt(ClaimedDelivery delivery) {
    CircuitBreaker breaker = breakers.circuitBreaker(delivery.endpointId().toString());
    long started = System.nanoTime();
    return Mono.fromCallable(() -> body(delivery))
        .flatMap(body -> post(delivery, body).transformDeferred(CircuitBreakerOperator.of(breaker)))
        .flatMap(
            status -> {
              count("delivered");
              return deliveries.delivered(delivery, clock.instant(), status, elapsed(started));
            })
        .onErrorResume(
            CallNotPermittedException.class,
            open -> {
              count("circuit_open");
              return deliveries.postpone(
                  delivery, clock.instant().plus(settings.breaker().waitInOpenState()));
            })
        .onErrorResume(error -> failed(delivery, error, elapsed(started)));
  }

  private byte[] body(ClaimedDelivery delivery) {
    return json.writeValueAsString(texts.render(delivery.notification(), delivery.language()))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The endpoint's HTTP status if it is 2xx; a {@link RefusedDelivery} otherwise. */
  private Mono<Integer> post(ClaimedDelivery delivery, byte[] body) {
    long unixSeconds = clock.instant().getEpochSecond();
    return http.post()
        .uri(URI.create(delivery.url()))
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            Signatures.HEADER,
            Signatures.header(
                endpoints.reveal(delivery.endpointId(), delivery.sealedSecret()),
                unixSeconds,
                body))
        .header(Signatures.NOTIFICATION_ID_HEADER, delivery.notification().id().toString())
        .bodyValue(body)
        .exchangeToMono(
            response -> response.releaseBody().thenReturn(response.statusCode().value()))
        .timeout(settings.responseTimeout())
        .flatMap(
            status ->
                status >= 200 && status < 300
                    ? Mono.just(status)
                    : Mono.error(new RefusedDelivery(status)));
  }

  private Mono<Void> failed(ClaimedDelivery delivery, Throwable error, int durationMs) {
    int round = delivery.roundAttempts() + 1;
    Instant now = clock.instant();
    boolean spent = round >= settings.retry().maxAttempts();
    Instant retryAt = spent ? null : now.plusMillis(backoff.apply(round));
    Integer status = error instanceof RefusedDelivery refused ? refused.status : null;
    count(spent ? "parked" : "failed");
    if (spent) {
      parked.incrementAndGet();
      log.warn(
          "Delivery {} of notification {} parked after {} attempts: {}",
          delivery.id(),
          delivery.notification().id(),
          round,
          error.toString());
    }
    return deliveries.failed(delivery, now, status, describe(error), durationMs, retryAt);
  }

  private void count(String outcome) {
    Counter.builder("huoshui.webhook.deliveries")
        .description(
            "Webhook delivery attempts by outcome (delivered, failed, parked) and deliveries held"
                + " by an open circuit breaker (circuit_open)")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static int elapsed(long startedNanos) {
    return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /**
   * What the tenant reads of a failed attempt in its delivery log: the kind of failure, never an
   * address, a port or an exception's text, which could tell what answers inside our network.
   */
  private String describe(Throwable error) {
    if (error instanceof RefusedDelivery refused) {
      return "HTTP " + refused.status;
    }
    if (error instanceof TimeoutException) {
      return "接收方未在 %d 毫秒内答复 (no answer within %d ms)"
          .formatted(settings.responseTimeout().toMillis(), settings.responseTimeout().toMillis());
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReceiverAddresses.InsideAddress) {
        return "接收地址解析到内部网络地址，未投递 (the receiver's host resolves to an address"
            + " inside a private network; not delivered)";
      }
      if (cause instanceof UnknownHostException) {
        return "接收方主机名无法解析 (the receiver's host name does not resolve)";
      }
      if (cause instanceof SSLException) {
        return "TLS 握手失败 (the TLS handshake with the receiver failed)";
      }
      if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
        return "无法连接接收方 (could not connect to the receiver)";
      }
    }
    return "投递失败 (the request to the receiver failed)";
  }

  /** An endpoint answered, but not with 2xx. */
  private static final class RefusedDelivery extends RuntimeException {
    private final int status;

    RefusedDelivery(int status) {
      super("HTTP " + status, null, false, false);
      this.status = status;
    }
  }

  @Override
  public void start() {
    Disposable.Composite composite = Disposables.composite();
    running = composite;
    composite.add(
        Flux.merge(signal.wakeUps(), Flux.interval(settings.pollInterval()))
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    round()
                        .onErrorResume(
                            error -> {
                              log.warn("Looking for due webhook deliveries failed", error);
                              return Mono.just(0);
                            }),
                1)
            .subscribe());
    composite.add(
        Flux.interval(Duration.ZERO, settings.parkedGaugeRefresh())
            .onBackpressureDrop()
            .concatMap(tick -> deliveries.countParked().onErrorResume(error -> Mono.empty()), 1)
            .subscribe(parked::set));
  }

  /**
   * Stops looking and abandons the attempts in flight: their leases lapse and whoever runs next
   * makes them again.
   */
  @Override
  public void stop() {
    Disposable.Composite composite = running;
    if (composite != null) {
      composite.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable.Composite composite = running;
    return composite != null && !composite.isDisposed();
  }
}
