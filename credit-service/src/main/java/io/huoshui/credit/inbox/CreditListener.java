package io.huoshui.credit.inbox;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventHandlers;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps, from the matching and project services' events, the matches pushed to each bank and the
 * demand behind them, a polled batch per partition in one transaction. Each event is applied once
 * (the consumer log); events of other types on the same topics are none of this service's business
 * and are passed over.
 */
@Component
class CreditListener {

  /** Consumer group and consumer-log name at once; renaming one replays its topic. */
  static final String MATCHES_CONSUMER = "credit-service.matches";

  static final String PROJECTS_CONSUMER = "credit-service.projects";

  private final EventConsumer events;
  private final EventHandlers matches;
  private final EventHandlers projects;

  CreditListener(EventConsumer events, InboxStore store) {
    this.events = events;
    this.matches =
        EventHandlers.of(MATCHES_CONSUMER)
            .on(
                EventTypes.MATCH_PROPOSED,
                Incoming.MatchProposed.class,
                Incoming.MatchProposed::projectId,
                (match, delivery) -> store.propose(match, delivery.event().data()))
            .on(
                EventTypes.MATCH_ESCALATED,
                Incoming.MatchEscalated.class,
                Incoming.MatchEscalated::projectId,
                (escalation, delivery) -> store.escalate(escalation))
            .on(
                EventTypes.MATCH_RELEASED,
                Incoming.MatchReleased.class,
                Incoming.MatchReleased::projectId,
                (release, delivery) -> store.release(release))
            .build();
    this.projects =
        EventHandlers.of(PROJECTS_CONSUMER)
            .on(
                Set.of(EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_UPDATED),
                Incoming.Demand.class,
                Incoming.Demand::projectId,
                (demand, delivery) -> store.saveDemand(demand, delivery.event().data()))
            .on(
                EventTypes.PROJECT_WITHDRAWN,
                Incoming.ProjectWithdrawn.class,
                Incoming.ProjectWithdrawn::projectId,
                (withdrawal, delivery) -> store.withdraw(withdrawal))
            .build();
  }

  @KafkaListener(
      topics = Topics.MATCHES,
      groupId = MATCHES_CONSUMER,
      batch = "true",
      concurrency = "${huoshui.events.partitions:3}")
  void onMatches(List<ConsumerRecord<String, String>> records) {
    events.consume(records, matches);
  }

  @KafkaListener(
      topics = Topics.PROJECTS,
      groupId = PROJECTS_CONSUMER,
      batch = "true",
      concurrency = "${huoshui.events.partitions:3}")
  void onProjects(List<ConsumerRecord<String, String>> records) {
    events.consume(records, projects);
  }
}
