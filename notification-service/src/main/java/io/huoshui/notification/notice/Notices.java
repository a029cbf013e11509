package io.huoshui.notification.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes and reads notifications. */
@Component
public class Notices {

  private final NoticeStore store;
  private final Clock clock;
  private final List<NotificationObserver> observers;
  private final MeterRegistry meters;

  Notices(
      NoticeStore store, Clock clock, List<NotificationObserver> observers, MeterRegistry meters) {
    this.store = store;
    this.clock = clock;
    this.observers = observers;
    this.meters = meters;
  }

  /**
   * Writes the notifications not written before (by audience, origin and kind) in the caller's
   * transaction, numbers each within its audience and announces them when the transaction commits.
   *
   * <p>They are written together just before the commit: a consumer's transaction applies a batch
   * of events, and its notifications cost one statement rather than several per notification. That
   * one statement also takes the audiences' sequence rows in one fixed order, so two transactions
   * each holding a batch never wait for each other's rows in a cycle.
   */
  public Mono<Void> publish(List<NewNotification> notifications) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .onErrorMap(
            NoTransactionException.class,
            none -> new IllegalStateException("notifications are written inside a transaction"))
        .doOnNext(
            transaction -> {
              if (!(transaction.getResource(this) instanceof Pending pending)) {
                Pending fresh = new Pending();
                transaction.bindResource(this, fresh);
                transaction.registerSynchronization(fresh);
                fresh.add(notifications);
              } else {
                pending.add(notifications);
              }
            })
        .then();
  }

  /** The notifications of one transaction, written before it commits and counted after. */
  private final class Pending implements TransactionSynchronization {

    private final Map<List<Object>, NewNotification> byOrigin = new LinkedHashMap<>();
    private List<Notification> written = List.of();

    void add(List<NewNotification> notifications) {
      for (NewNotification fresh : notifications) {
        byOrigin.putIfAbsent(List.of(fresh.audience(), fresh.origin(), fresh.kind()), fresh);
      }
    }

    @Override
    public Mono<Void> beforeCommit(boolean readOnly) {
      return store
          .write(List.copyOf(byOrigin.values()), clock.instant())
          .flatMap(
              notifications -> {
                written = notifications;
                return notifications.isEmpty()
                    ? Mono.empty()
                    : Flux.fromIterable(observers)
                        .concatMap(observer -> observer.created(notifications))
                        .then();
              });
    }

    @Override
    public Mono<Void> afterCommit() {
      written.forEach(
          notification ->
              Counter.builder("huoshui.notifications")
                  .description("Notifications written, by recipient type and kind")
                  .tag("audience_type", notification.audience().type().name())
                  .tag("kind", notification.kind().name())
                  .register(meters)
                  .increment());
      return Mono.empty();
    }
  }

  /** The audience's notifications, newest first. */
  Flux<Notification> list(Audience audience, boolean unreadOnly, long offset, int limit) {
    return store.list(audience, unreadOnly, offset, limit);
  }

  Mono<Long> count(Audience audience, boolean unreadOnly) {
    return store.count(audience, unreadOnly);
  }

  /** The notification if it is the audience's own; empty otherwise, whether or not it exists. */
  public Mono<Notification> find(Audience audience, UUID id) {
    return store.find(audience, id);
  }

  /** Marks the audience's own notification read (the first time only); empty if not its own. */
  Mono<Notification> markRead(Audience audience, UUID id) {
    return store.markRead(audience, id, clock.instant());
  }

  /** The audience's notifications numbered above {@code seq}, in order. */
  Flux<Notification> after(Audience audience, long seq, int limit) {
    return store.after(audience, seq, limit);
  }

  /** The number of the audience's latest notification; 0 before its first. */
  Mono<Long> latestSeq(Audience audience) {
    return store.latestSeq(audience);
  }
}
