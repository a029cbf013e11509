package io.huoshui.matching.application;

import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** What the in-memory state learns of a transaction: only what it committed. */
final class AfterCommit {

  private AfterCommit() {}

  /** Runs the action once the surrounding transaction has committed; never on a rollback. */
  static Mono<Void> run(Runnable action) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .doOnNext(
            manager ->
                manager.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                      }
                    }))
        .then();
  }
}
