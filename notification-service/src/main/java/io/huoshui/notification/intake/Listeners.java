package io.huoshui.notification.intake;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The consumed topics of docs/events.md. Each event is applied once (the consumer log), in the
 * order of its partition; a payload that does not fit is poison and goes to the dead-letter topic.
 * A listener per topic, so that a topic held up by a failing record does not hold up the others.
 */
@Component
class Listeners {

  /** The consumer group and the name in the consumer log. */
  static final String CONSUMER = "notification-service";

  static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  static final String UPDATED = "io.huoshui.project.ProjectUpdated.v1";
  static final String WITHDRAWN = "io.huoshui.project.ProjectWithdrawn.v1";
  static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  static final String NO_MATCH = "io.huoshui.matching.NoMatch.v1";
  static final String ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  static final String RELEASED = "io.huoshui.matching.MatchReleased.v1";
  static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";
  static final String DIGEST = "io.huoshui.credit.CatalogDigest.v1";

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final EventConsumer events;
  private final Outcomes outcomes;

  Listeners(EventConsumer events, Outcomes outcomes) {
    this.events = events;
    this.outcomes = outcomes;
  }

  @KafkaListener(topics = "huoshui.projects", groupId = CONSUMER)
  void projects(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  @KafkaListener(topics = "huoshui.matches", groupId = CONSUMER)
  void matches(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  @KafkaListener(topics = "huoshui.bank-responses", groupId = CONSUMER)
  void bankResponses(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  @KafkaListener(topics = "huoshui.catalog", groupId = CONSUMER)
  void catalog(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    return switch (event.type()) {
      case SUBMITTED, UPDATED ->
          outcomes.demandChanged(payload(event, Payloads.ProjectDemand.class));
      case WITHDRAWN -> outcomes.withdrawn(event, payload(event, Payloads.ProjectWithdrawn.class));
      case PROPOSED -> outcomes.proposed(event, payload(event, Payloads.MatchProposed.class));
      case NO_MATCH -> outcomes.noMatch(event, payload(event, Payloads.NoMatch.class));
      case ESCALATED -> outcomes.escalated(event, payload(event, Payloads.MatchEscalated.class));
      case RELEASED -> outcomes.released(payload(event, Payloads.MatchReleased.class));
      case RESPONDED -> outcomes.responded(event, payload(event, Payloads.BankResponded.class));
      case DIGEST -> outcomes.digest(event, payload(event, Payloads.CatalogDigest.class));
      default -> {
        // A producer may add event types; those say nothing a recipient needs to hear.
        log.debug("No notification for {} {}", event.type(), event.id());
        yield Mono.empty();
      }
    };
  }

  private <T> T payload(EventEnvelope event, Class<T> type) {
    return events.payload(event, type);
  }
}
