package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The webhook deliveries in the database. */
@Component
class DeliveryStore {

  private final DatabaseClient database;

  DeliveryStore(DatabaseClient database) {
    this.database = database;
  }

  /** One pending delivery of each notification to each live endpoint of its audience. */
  Mono<Void> schedule(List<Notification> notifications, Instant now) {
    return database
        .sql(
            """
            INSERT INTO webhook_delivery (id, endpoint_id, notification_id, subject, seq, county,
                                          status, next_attempt_at, created_at)
            SELECT gen_random_uuid(), e.id, n.id, n.subject, n.seq, n.county, 'PENDING', :now, :now
            FROM unnest(CAST(:ids AS uuid[]), CAST(:subjects AS text[]), CAST(:seqs AS bigint[]),
                        CAST(:counties AS text[]), CAST(:types AS text[]),
                        CAST(:tenants AS text[]))
                   AS n (id, subject, seq, county, tenant_type, tenant_id)
            JOIN webhook_endpoint e
              ON e.tenant_type = n.tenant_type AND e.tenant_id = n.tenant_id
             AND e.deleted_at IS NULL
            """)
        .bind("ids", notifications.stream().map(Notification::id).toArray(UUID[]::new))
        .bind("subjects", notifications.stream().map(Notification::subject).toArray(String[]::new))
        .bind("seqs", notifications.stream().map(Notification::seq).toArray(Long[]::new))
        .bind("counties", notifications.stream().map(Notification::county).toArray(String[]::new))
        .bind(
            "types",
            notifications.stream().map(n -> n.audience().type().name()).toArray(String[]::new))
        .bind("tenants", notifications.stream().map(n -> n.audience().id()).toArray(String[]::new))
        .bind("now", now)
        .then();
  }
}
