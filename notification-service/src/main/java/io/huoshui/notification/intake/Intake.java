package io.huoshui.notification.intake;

import io.huoshui.eventing.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** What the listeners of the consumed topics share. */
final class Intake {

  /** The consumer group and the name in the consumer log. */
  static final String CONSUMER = "notification-service";

  private static final Logger log = LoggerFactory.getLogger(Intake.class);

  private Intake() {}

  /** An event type this service has nothing to say about (new types are added freely). */
  static Mono<Void> ignored(EventEnvelope event) {
    log.debug("No notification for {} {}", event.type(), event.id());
    return Mono.empty();
  }
}
