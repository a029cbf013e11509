package io.huoshui.notification.webhook;

import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Language;
import io.huoshui.service.secrets.SecretBox;
import io.huoshui.service.secrets.SecretBoxException;
import io.huoshui.service.web.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

  private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

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
                        "每个租户最多登记 " + MAX_ENDPOINTS + " 个 webhook 端点；请先删除一个。",
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

  /**
   * Seals every secret that an earlier key sealed under the current one, so that the earlier key
   * can be dropped after this start (README: rotating the secret key); a secret that no configured
   * key opens is left as it is and said in the log. Returns how many were sealed anew.
   */
  Mono<Long> resealUnderCurrentKey() {
    return store
        .sealedSecrets()
        .filter(row -> !isSealedWithCurrentKey(row.getValue()))
        .concatMap(
            row ->
                Mono.fromCallable(() -> box.reseal(row.getValue(), secretPurpose(row.getKey())))
                    // one statement: atomic without a transaction of its own
                    .flatMap(
                        resealed ->
                            store.replaceSealedSecret(row.getKey(), row.getValue(), resealed))
                    .onErrorResume(
                        SecretBoxException.class,
                        unopened -> {
                          log.warn(
                              "The secret of webhook endpoint {} does not open: {}",
                              row.getKey(),
                              unopened.getMessage());
                          return Mono.just(false);
                        }))
        .filter(Boolean::booleanValue)
        .count();
  }

  /** A value under a key no longer configured is not current either: resealing it logs why. */
  private boolean isSealedWithCurrentKey(String sealed) {
    try {
      return box.isSealedWithCurrentKey(sealed);
    } catch (SecretBoxException unreadable) {
      return false;
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void resealOnStart() {
    resealUnderCurrentKey()
        .subscribe(
            count -> {
              if (count > 0) {
                log.info("Sealed {} webhook secrets anew under the current key", count);
              }
            },
            error ->
                log.warn("Sealing webhook secrets anew failed; the next start tries again", error));
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
