package io.huoshui.eventing;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Defers what the rest of the process may learn of a transaction (a wake-up, a meter, an in-memory
 * index) until the transaction has committed, so that nothing acts on a write that rolls back.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /**
   * Runs the action once the surrounding transaction has committed, never on a rollback; at once
   * when there is no surrounding transaction, whose single statement has committed already.
   */
  public static Mono<Void> run(Runnable action) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(transaction -> register(transaction, action))
        .then()
        .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(action));
  }

  /** Runs the action once the given transaction has committed, never on a rollback. */
  static void register(TransactionSynchronizationManager transaction, Runnable action) {
    transaction.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public Mono<Void> afterCommit() {
            return Mono.fromRunnable(action);
          }
        });
  }
}
