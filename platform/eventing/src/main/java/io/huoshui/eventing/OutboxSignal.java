package io.huoshui.eventing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this process's relay that an outbox write has committed, so that the event leaves at once
 * instead of at the next poll. Signals that arrive while the relay is draining fold into one.
 */
final class OutboxSignal {

  private final Sinks.Many<Boolean> commits = Sinks.many().multicast().directBestEffort();

  /** Called from whichever thread committed; the sink wants its signals one at a time. */
  synchronized void committed() {
    commits.tryEmitNext(Boolean.TRUE);
  }

  Flux<Boolean> commits() {
    return commits.asFlux();
  }
}
