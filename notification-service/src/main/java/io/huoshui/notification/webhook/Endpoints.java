package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Language;
import io.huoshui.service.secrets.SecretBox;
import io.huoshui.service.web.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tenants' webhook endpoints: registered, listed and removed, each change in a transaction. */
@Component
class Endpoints {

  /** Enough for a primary and a standby receiver per system; more is a misconfiguration. */
  static final int MAX_ENDPOINTS = 5;

  /**
   * An endpoint with the secret it was given, sealed: opened ({@link #reveal}) only for the
   * answer's bytes, so that neither the database nor the idempotency record holds it in the clear.
   */
  record Registered(WebhookEndpoint endpoint, String sealedSecret) {}

  private final EndpointStore store;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final SecretBox box;

  Endpoints(EndpointStore store, TransactionalOperator transaction, Clock clock, SecretBox box) {
    this.store = store;
    this.transaction = transaction;
    this.clock = clock;
    this.box = box;
  }

  /** What a sealed secret is bound to: one endpoint's signing, so a copied value opens nowhere. */
  static String secretPurpose(UUID endpointId) {
    return "webhook_endpoint:" + endpointId;
  }

  /** The signing secret of the endpoint in the clear, to sign with or to show once. */
  String reveal(UUID endpointId, String sealedSecret) {
    return box.open(sealedSecret, secretPurpose(endpointId));
  }

  /** Refused (unprocessable) when the owner has {@link #MAX_ENDPOINTS} already. */
  Mono<Registered> register(Audience owner, URI url, Language language) {
    return store
        .list(owner)
        .count()
        .flatMap(
            existing -> {
              if (existing >= MAX_ENDPOINTS) {
                return Mono.error(
                    ApiProblem.unprocessable(
                        "too-many-webhooks",
                        "A tenant registers at most "
                            + MAX_ENDPOINTS
                            + " webhook endpoints; delete one first."));
              }
              WebhookEndpoint endpoint =
                  new WebhookEndpoint(UUID.randomUUID(), url, language, clock.instant());
              String sealed = box.seal(Signatures.newSecret(), secretPurpose(endpoint.id()));
              return store
                  .insert(owner, endpoint, sealed)
                  .thenReturn(new Registered(endpoint, sealed));
            })
        .as(transaction::transactional);
  }

  Flux<WebhookEndpoint> list(Audience owner) {
    return store.list(owner);
  }

  /**
   * Removes the owner's endpoint and cancels what was still waiting to go to it; false when the
   * owner has no such endpoint.
   */
  Mono<Boolean> remove(Audience owner, UUID id) {
    return store
        .markDeleted(owner, id, clock.instant())
        .flatMap(
            removed -> removed ? store.cancelDeliveriesTo(id).thenReturn(true) : Mono.just(false))
        .as(transaction::transactional);
  }
}
