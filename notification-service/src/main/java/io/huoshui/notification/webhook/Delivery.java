package io.huoshui.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery of a notification to an endpoint, with its log of attempts: what the delivery log
 * answers, as it is kept. Its errors are the tenant's to read, so they never carry internal detail.
 */
record Delivery(
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

  Delivery withLog(List<Attempt> attempts) {
    return new Delivery(
        id,
        endpointId,
        notificationId,
        subject,
        county,
        status,
        this.attempts,
        nextAttemptAt,
        lastError,
        createdAt,
        deliveredAt,
        parkedAt,
        List.copyOf(attempts));
  }
}
