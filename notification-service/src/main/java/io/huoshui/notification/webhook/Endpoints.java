package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Language;
import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenants' webhook endpoints; every query is limited to the owner's own. */
@Component
class Endpoints {

  /** An endpoint with the secret it was given, returned at registration only. */
  record Registered(WebhookEndpoint endpoint, String secret) {}

  private final DatabaseClient database;
  private final Clock clock;

  Endpoints(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  Mono<Registered> register(Audience owner, URI url, Language language) {
    WebhookEndpoint endpoint =
        new WebhookEndpoint(UUID.randomUUID(), url, language, clock.instant());
    String secret = Signatures.newSecret();
    return database
        .sql(
            """
            INSERT INTO webhook_endpoint (id, tenant_type, tenant_id, url, secret, language, created_at)
            VALUES (:id, :type, :tenant, :url, :secret, :language, :at)
            """)
        .bind("id", endpoint.id())
        .bind("type", owner.type().name())
        .bind("tenant", owner.id())
        .bind("url", url.toString())
        .bind("secret", secret)
        .bind("language", language.name())
        .bind("at", endpoint.createdAt())
        .then()
        .thenReturn(new Registered(endpoint, secret));
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
        .map(Endpoints::read)
        .all();
  }

  /**
   * Removes the owner's endpoint and cancels what was still waiting to go to it; false when the
   * owner has no such endpoint. Run in a transaction.
   */
  Mono<Boolean> remove(Audience owner, UUID id) {
    Instant now = clock.instant();
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
        .flatMap(
            removed ->
                removed == 0
                    ? Mono.just(false)
                    : database
                        .sql(
                            """
                            UPDATE webhook_delivery SET status = 'CANCELLED', claimed_until = NULL
                            WHERE endpoint_id = :id AND status IN ('PENDING', 'PARKED')
                            """)
                        .bind("id", id)
                        .then()
                        .thenReturn(true));
  }

  private static WebhookEndpoint read(Readable row) {
    return new WebhookEndpoint(
        row.get("id", UUID.class),
        URI.create(row.get("url", String.class)),
        Language.valueOf(row.get("language", String.class)),
        row.get("created_at", Instant.class));
  }
}
