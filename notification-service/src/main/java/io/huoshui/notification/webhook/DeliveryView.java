package io.huoshui.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery of a notification to an endpoint, with its log of attempts. */
record DeliveryView(
    UUID id,
    UUID endpointId,
    UUID notificationId,
    String subject,
    String county,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant deliveredAt,
    Instant parkedAt,
    List<Attempt> log) {

  /** One attempt: the HTTP status when the endpoint answered, the error otherwise. */
  record Attempt(
      int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {}

  static DeliveryView of(Delivery delivery) {
    return new DeliveryView(
        delivery.id(),
        delivery.endpointId(),
        delivery.notificationId(),
        delivery.subject(),
        delivery.county(),
        delivery.status(),
        delivery.attempts(),
        delivery.nextAttemptAt(),
        delivery.lastError(),
        delivery.createdAt(),
        delivery.deliveredAt(),
        delivery.parkedAt(),
        delivery.log().stream()
            .map(
                attempt ->
                    new Attempt(
                        attempt.attempt(),
                        attempt.attemptedAt(),
                        attempt.statusCode(),
                        attempt.error(),
                        attempt.durationMs()))
            .toList());
  }
}
