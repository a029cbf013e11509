package io.huoshui.credit.inbox;

import io.huoshui.eventing.EventBatchListener;
import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventHandlers;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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

  CreditListener(EventConsumer events, Pushes pushes) {
    this.events = events;
    this.matches =
        EventHandlers.of(MATCHES_CONSUMER)
            .on(
                EventTypes.MATCH_PROPOSED,
                Incoming.MatchProposed.class,
                Incoming.MatchProposed::projectId,
                (match, delivery) ->
                    pushes.propose(
                        pushed(match, delivery.event().data()),
                        match.demand().amountRequested(),
                        delivery.event().data()))
            .on(
                EventTypes.MATCH_ESCALATED,
                Incoming.MatchEscalated.class,
                Incoming.MatchEscalated::projectId,
                (escalation, delivery) ->
                    pushes.escalate(
                        new Escalation(
                            escalation.matchId(),
                            escalation.colour(),
                            escalation.stage(),
                            escalation.deadline(),
                            escalation.escalatedAt(),
                            escalation.escalateTo())))
            .on(
                EventTypes.MATCH_RELEASED,
                Incoming.MatchReleased.class,
                Incoming.MatchReleased::projectId,
                (release, delivery) ->
                    pushes.release(
                        new Release(release.matchId(), release.cause(), release.releasedAt())))
            .build();
    this.projects =
        EventHandlers.of(PROJECTS_CONSUMER)
            .on(
                Set.of(EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_UPDATED),
                Incoming.Demand.class,
                Incoming.Demand::projectId,
                (demand, delivery) ->
                    pushes.demand(
                        new DemandVersion(
                            demand.projectId(),
                            demand.county(),
                            demand.amountRequested(),
                            demand.version(),
                            delivery.event().data())))
            .on(
                EventTypes.PROJECT_WITHDRAWN,
                Incoming.ProjectWithdrawn.class,
                Incoming.ProjectWithdrawn::projectId,
                (withdrawal, delivery) ->
                    pushes.withdraw(
                        new Withdrawal(
                            withdrawal.projectId(),
                            withdrawal.reason(),
                            withdrawal.withdrawnAt(),
                            withdrawal.version())))
            .build();
  }

  @EventBatchListener(topics = Topics.MATCHES, groupId = MATCHES_CONSUMER)
  void onMatches(List<ConsumerRecord<String, String>> records) {
    events.consume(records, matches);
  }

  @EventBatchListener(topics = Topics.PROJECTS, groupId = PROJECTS_CONSUMER)
  void onProjects(List<ConsumerRecord<String, String>> records) {
    events.consume(records, projects);
  }

  /** The reasons and the anonymised demand are kept whole, as the producer sent them. */
  private static PushedMatch pushed(Incoming.MatchProposed match, JsonNode event) {
    return new PushedMatch(
        match.matchId(),
        match.projectId(),
        match.county(),
        match.bankCode(),
        match.productId(),
        match.productName(),
        match.tier(),
        match.rank(),
        match.score(),
        event.get("reasons"),
        match.deadline(),
        match.proposedAt(),
        event.get("demand"),
        match.manual());
  }
}
