package io.huoshui.notification.intake;

import io.huoshui.eventing.EventBatchListener;
import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventHandlers;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * The consumed topics of docs/events.md, a polled batch per partition in one transaction. Each
 * event is applied once (the consumer log), in the order of its partition; a payload that does not
 * fit is poison and goes to the dead-letter topic; types without a notification are passed over. A
 * record that keeps failing for a passing reason (the database away) holds up its thread's
 * partitions of every topic until it is retried through or dead-lettered (at most
 * huoshui.events.consumer.max-retry-time), which is what keeps a demand's notices in order.
 */
@Component
class NotificationListener {

  /** The consumer group and the name in the consumer log; renaming it replays every topic. */
  static final String CONSUMER = "notification-service";

  private final EventConsumer events;
  private final EventHandlers handlers;

  NotificationListener(EventConsumer events, Outcomes outcomes) {
    this.events = events;
    this.handlers =
        EventHandlers.of(CONSUMER)
            .on(
                Set.of(EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_UPDATED),
                Incoming.ProjectDemand.class,
                Incoming.ProjectDemand::projectId,
                (demand, delivery) -> outcomes.demandChanged(demand))
            .on(
                EventTypes.PROJECT_WITHDRAWN,
                Incoming.ProjectWithdrawn.class,
                Incoming.ProjectWithdrawn::projectId,
                (withdrawal, delivery) -> outcomes.withdrawn(delivery.event(), withdrawal))
            .on(
                EventTypes.MATCH_PROPOSED,
                Incoming.MatchProposed.class,
                Incoming.MatchProposed::projectId,
                (match, delivery) -> outcomes.proposed(delivery.event(), match))
            .on(
                EventTypes.NO_MATCH,
                Incoming.NoMatch.class,
                Incoming.NoMatch::projectId,
                (decision, delivery) -> outcomes.noMatch(delivery.event(), decision))
            .on(
                EventTypes.MATCH_ESCALATED,
                Incoming.MatchEscalated.class,
                Incoming.MatchEscalated::projectId,
                (escalation, delivery) -> outcomes.escalated(delivery.event(), escalation))
            .on(
                EventTypes.MATCH_RELEASED,
                Incoming.MatchReleased.class,
                Incoming.MatchReleased::projectId,
                (release, delivery) -> outcomes.released(release))
            .on(
                EventTypes.DEMAND_EXHAUSTED,
                Incoming.DemandExhausted.class,
                Incoming.DemandExhausted::projectId,
                (exhausted, delivery) -> outcomes.exhausted(delivery.event(), exhausted))
            .on(
                EventTypes.SUPERVISION_ACTED,
                Incoming.SupervisionActed.class,
                Incoming.SupervisionActed::projectId,
                (action, delivery) -> outcomes.acted(delivery.event(), action))
            .on(
                EventTypes.BANK_RESPONDED,
                Incoming.BankResponded.class,
                Incoming.BankResponded::projectId,
                (response, delivery) -> outcomes.responded(delivery.event(), response))
            .on(
                EventTypes.CATALOG_DIGEST,
                Incoming.CatalogDigest.class,
                Incoming.CatalogDigest::county,
                (digest, delivery) -> outcomes.digest(delivery.event(), digest))
            .build();
  }

  /**
   * Every topic in one listener, a thread per partition number: the four topics are keyed by demand
   * (the catalog by county) with the same partition count, so that one thread applies a demand's
   * events in order, and three consumers do what twelve did.
   */
  @EventBatchListener(
      topics = {Topics.PROJECTS, Topics.MATCHES, Topics.BANK_RESPONSES, Topics.CATALOG},
      groupId = CONSUMER)
  void on(List<ConsumerRecord<String, String>> records) {
    events.consume(records, handlers);
  }
}
