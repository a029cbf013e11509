package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Language;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenants' webhook endpoints in the database; every query is limited to the owner's own. */
@Component
class EndpointStore {

  private final DatabaseClient database;

  EndpointStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> insert(Audience owner, WebhookEndpoint endpoint, String sealedSecret) {
    return database
        .sql(
            """
            INSERT INTO webhook_endpoint (id, tenant_type, tenant_id, url, sealed_secret, language,
                                          created_at)
            VALUES (:id, :type, :tenant, :url, :secret, :language, :at)
            """)
        .bind("id", endpoint.id())
        .bind("type", owner.type().name())
        .bind("tenant", owner.id())
        .bind("url", endpoint.url().toString())
        .bind("secret", sealedSecret)
        .bind("language", endpoint.language().name())
        .bind("at", endpoint.createdAt())
        .then();
  }

  /** Every endpoint's sealed secret, by endpoint id, deleted ones too (their rows keep it). */
  Flux<Map.Entry<UUID, String>> sealedSecrets() {
    return database
        .sql("SELECT id, sealed_secret FROM webhook_endpoint ORDER BY id")
        .map(row -> Map.entry(row.get("id", UUID.class), row.get("sealed_secret", String.class)))
        .all();
  }

  /**
   * Replaces a sealed secret with the same secret sealed anew, unless it changed meanwhile; false
   * when it did.
   */
  Mono<Boolean> replaceSealedSecret(UUID id, String previous, String sealed) {
    return database
        .sql(
            "UPDATE webhook_endpoint SET sealed_secret = :sealed"
                + " WHERE id = :id AND sealed_secret = :previous")
        .bind("sealed", sealed)
        .bind("id", id)
        .bind("previous", previous)
        .fetch()
        .rowsUpdated()
        .map(updated -> updated > 0);
  }

  Flux<WebhookEndpoint> list(Audience owner) {
    return database
        .sql(
            """
            SELECT id, url, language, created_at FROM webhook_endpoint
            WHERE tenant_type = :type AND tenant_id = :tenant AND deleted_at IS NULL
            ORDER BY created_at, id
            """)
        .bind("type", owner.type().name())
        .bind("tenant", owner.id())
        .map(EndpointStore::read)
        .all();
  }

  /** False when the owner has no such endpoint (or it was deleted already). */
  Mono<Boolean> markDeleted(Audience owner, UUID id, Instant now) {
    return database
        .sql(
            """
            UPDATE webhook_endpoint SET deleted_at = :now
            WHERE id = :id AND tenant_type = :type AND tenant_id = :tenant AND deleted_at IS NULL
            """)
        .bind("now", now)
        .bind("id", id)
        .bind("type", owner.type().name())
        .bind("tenant", owner.id())
        .fetch()
        .rowsUpdated()
        .map(removed -> removed > 0);
  }

  Mono<Void> cancelDeliveriesTo(UUID id) {
    return database
        .sql(
            """
            UPDATE webhook_delivery SET status = 'CANCELLED', claimed_until = NULL
            WHERE endpoint_id = :id AND status IN ('PENDING', 'PARKED')
            """)
        .bind("id", id)
        .then();
  }

  private static WebhookEndpoint read(Readable row) {
    return new WebhookEndpoint(
        row.get("id", UUID.class),
        URI.create(row.get("url", String.class)),
        Language.valueOf(row.get("language", String.class)),
        row.get("created_at", Instant.class));
  }
}
