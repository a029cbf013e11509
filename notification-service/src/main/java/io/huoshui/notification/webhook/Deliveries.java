package io.huoshui.notification.webhook;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The webhook deliveries: their leases, outcomes and log. */
@Component
class Deliveries {

  private final DeliveryStore store;
  private final DeliverySignal signal;
  private final TransactionalOperator transaction;

  Deliveries(DeliveryStore store, DeliverySignal signal, TransactionalOperator transaction) {
    this.store = store;
    this.signal = signal;
    this.transaction = transaction;
  }

  /**
   * Leases due deliveries until {@code leaseUntil}, while no other replica is claiming: only the
   * first pending one of each subject of each endpoint (so one demand's notifications reach an
   * endpoint in order), at most {@code perEndpoint} in flight per endpoint, the endpoints' first
   * turns before anyone's second.
   */
  Flux<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit, int perEndpoint) {
    return store
        .lockClaims()
        .filter(Boolean::booleanValue)
        .flatMapMany(locked -> store.claim(now, leaseUntil, limit, perEndpoint))
        .as(transaction::transactional);
  }

  /** The endpoint accepted the notification. */
  Mono<Void> delivered(ClaimedDelivery delivery, Instant at, int statusCode, int durationMs) {
    return store
        .delivered(delivery, at)
        .then(store.logAttempt(delivery, at, statusCode, null, durationMs))
        .as(transaction::transactional);
  }

  /**
   * The attempt failed: the delivery is tried again at {@code retryAt}, or parked when that is null
   * (its attempts are spent).
   */
  Mono<Void> failed(
      ClaimedDelivery delivery,
      Instant at,
      Integer statusCode,
      String error,
      int durationMs,
      Instant retryAt) {
    return store
        .failed(delivery, at, error, retryAt)
        .then(store.logAttempt(delivery, at, statusCode, error, durationMs))
        .as(transaction::transactional);
  }

  /** No attempt was made (the endpoint's breaker is open): try again at {@code retryAt}. */
  Mono<Void> postpone(ClaimedDelivery delivery, Instant retryAt) {
    return store.postpone(delivery, retryAt);
  }

  /** Parked deliveries concerning counties the region covers, newest first. */
  Flux<Delivery> parked(String region, long offset, int limit) {
    return store.parked(region, offset, limit);
  }

  Mono<Long> countParked(String region) {
    return store.countParked(region);
  }

  Mono<Long> countParked() {
    return store.countParked();
  }

  /**
   * Sends a parked delivery again, with a fresh round of attempts; empty when the region has no
   * such parked delivery.
   */
  Mono<Delivery> replay(String region, UUID id, Instant now) {
    return store
        .replay(region, id, now)
        .flatMap(replayed -> signal.dueOnCommit().thenReturn(replayed));
  }

  /** The deliveries of a notification, with their logs. */
  Flux<Delivery> ofNotification(UUID notificationId) {
    return store.ofNotification(notificationId);
  }
}
