package io.huoshui.credit.inbox;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the matching and project services tell of the demand pushed to the banks, kept for the
 * banks' inboxes. Each call runs in the transaction of the event that brought it.
 */
@Service
class Pushes {

  private final InboxStore store;

  Pushes(InboxStore store) {
    this.store = store;
  }

  /** A match already held (the same push delivered again under another event id) stays as is. */
  Mono<Void> propose(PushedMatch match) {
    return store.propose(match);
  }

  Mono<Void> escalate(Escalation escalation) {
    return store.escalate(escalation);
  }

  /** A match the bank declined stays DECLINED in its inbox when the matching service lets it go. */
  Mono<Void> release(Release release) {
    return store.release(release);
  }

  /** Keeps the newest version of a demand; an older one arriving late changes nothing. */
  Mono<Void> demand(DemandVersion demand) {
    return store.saveDemand(demand);
  }

  Mono<Void> withdraw(Withdrawal withdrawal) {
    return store.withdraw(withdrawal);
  }
}
