package io.huoshui.credit.inbox;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps, from the matching and project services' events, the matches pushed to each bank and the
 * demand behind them. Each event is applied once (the consumer log); events of other types on the
 * same topics are none of this service's business and are passed over.
 */
@Component
class DemandListener {

  static final String MATCHES_CONSUMER = "credit-service.matches";
  static final String PROJECTS_CONSUMER = "credit-service.projects";

  private final EventConsumer events;
  private final InboxStore store;

  DemandListener(EventConsumer events, InboxStore store) {
    this.events = events;
    this.store = store;
  }

  @KafkaListener(topics = Incoming.MATCHES, groupId = MATCHES_CONSUMER)
  void onMatch(ConsumerRecord<String, String> record) {
    events.consume(record, MATCHES_CONSUMER, this::applyMatch);
  }

  @KafkaListener(topics = Incoming.PROJECTS, groupId = PROJECTS_CONSUMER)
  void onProject(ConsumerRecord<String, String> record) {
    events.consume(record, PROJECTS_CONSUMER, this::applyProject);
  }

  private Mono<Void> applyMatch(EventEnvelope envelope) {
    return switch (envelope.type()) {
      case Incoming.MATCH_PROPOSED ->
          store.propose(events.payload(envelope, Incoming.MatchProposed.class));
      case Incoming.MATCH_ESCALATED ->
          store.escalate(events.payload(envelope, Incoming.MatchEscalated.class));
      case Incoming.MATCH_RELEASED ->
          store.release(events.payload(envelope, Incoming.MatchReleased.class));
      default -> Mono.empty();
    };
  }

  private Mono<Void> applyProject(EventEnvelope envelope) {
    return switch (envelope.type()) {
      case Incoming.PROJECT_SUBMITTED, Incoming.PROJECT_UPDATED ->
          store.saveDemand(events.payload(envelope, Incoming.Demand.class), envelope.data());
      case Incoming.PROJECT_WITHDRAWN ->
          store.withdraw(events.payload(envelope, Incoming.ProjectWithdrawn.class));
      default -> Mono.empty();
    };
  }
}
