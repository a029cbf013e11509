package io.huoshui.notification.webhook;

import io.huoshui.eventing.AfterCommit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells this process's dispatcher that deliveries may be due now: new ones committed, a parked one
 * replayed, an attempt finished (its slot is free, and the subject's next delivery may wait behind
 * it). The dispatcher then looks at once instead of at its next poll; signals that arrive while it
 * looks fold into one more look. Other replicas learn nothing: whoever wrote a delivery sends it,
 * and the poll picks up retries, lapsed leases and anything a lost signal left.
 */
@Component
class DeliverySignal {

  private final Sinks.Many<Boolean> due = Sinks.many().multicast().directBestEffort();

  /** Signals once the surrounding transaction commits. */
  Mono<Void> dueOnCommit() {
    return AfterCommit.run(this::dueNow);
  }

  /** Called from whichever thread committed or finished; the sink wants one signal at a time. */
  synchronized void dueNow() {
    due.tryEmitNext(Boolean.TRUE);
  }

  Flux<Boolean> wakeUps() {
    return due.asFlux();
  }
}
