package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Notification;
import io.huoshui.notification.notice.NotificationObserver;
import java.time.Clock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Schedules a notification for each endpoint of its audience, in the transaction that writes it: a
 * notification is never committed without its deliveries, nor a delivery without its notification.
 */
@Component
class DeliveryScheduler implements NotificationObserver {

  private final DatabaseClient database;
  private final Clock clock;

  DeliveryScheduler(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Mono<Void> created(Notification notification) {
    return database
        .sql(
            """
            INSERT INTO webhook_delivery (id, endpoint_id, notification_id, subject, seq, county,
                                          status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), e.id, :notification, :subject, :seq, :county,
                   'PENDING', :now, :now
            FROM webhook_endpoint e
            WHERE e.tenant_type = :type AND e.tenant_id = :tenant AND e.deleted_at IS NULL
            """)
        .bind("notification", notification.id())
        .bind("subject", notification.subject())
        .bind("seq", notification.seq())
        .bind("county", notification.county())
        .bind("now", clock.instant())
        .bind("type", notification.audience().type().name())
        .bind("tenant", notification.audience().id())
        .then();
  }
}
