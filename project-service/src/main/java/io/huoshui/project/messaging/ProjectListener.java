package io.huoshui.project.messaging;

import io.huoshui.eventing.EventBatchListener;
import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventHandlers;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.NoMatch;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the network reports about demands: matching's decisions and the banks' answers, a polled
 * batch per partition in one transaction. Each event is applied once; types this service does not
 * know are skipped, so that a producer may announce new ones.
 */
@Component
class ProjectListener {

  private final EventConsumer events;
  private final EventHandlers matches;
  private final EventHandlers answers;

  ProjectListener(EventConsumer events, ProjectService projects) {
    this.events = events;
    // The names under which applied events are logged since the first release: renaming one would
    // apply its whole topic again.
    this.matches =
        EventHandlers.of("project-service.matches")
            .on(
                EventTypes.MATCH_PROPOSED,
                Incoming.MatchProposed.class,
                Incoming.MatchProposed::projectId,
                (match, delivery) -> proposed(projects, match, producer(delivery)))
            .on(
                EventTypes.NO_MATCH,
                Incoming.NoMatchFound.class,
                Incoming.NoMatchFound::projectId,
                (none, delivery) -> unmatched(projects, none, producer(delivery)))
            .on(
                EventTypes.MATCH_ESCALATED,
                Incoming.MatchEscalated.class,
                Incoming.MatchEscalated::projectId,
                (notice, delivery) ->
                    projects.supervised(
                        notice.projectId(),
                        notice.bankCode(),
                        notice.productId(),
                        noticeDetails(notice),
                        notice.escalatedAt(),
                        producer(delivery)))
            .on(
                EventTypes.MATCH_RELEASED,
                Incoming.MatchReleased.class,
                Incoming.MatchReleased::projectId,
                (release, delivery) ->
                    projects.released(
                        release.projectId(),
                        release.matchId(),
                        release.bankCode(),
                        release.productId(),
                        release.cause(),
                        release.releasedAt(),
                        producer(delivery)))
            .on(
                EventTypes.DEMAND_EXHAUSTED,
                Incoming.DemandExhausted.class,
                Incoming.DemandExhausted::projectId,
                (exhausted, delivery) ->
                    projects.exhausted(
                        exhausted.projectId(),
                        exhausted.tried().stream().map(ProjectListener::tried).toList(),
                        exhausted.exhaustedAt(),
                        producer(delivery)))
            .on(
                EventTypes.SUPERVISION_ACTED,
                Incoming.SupervisionActed.class,
                Incoming.SupervisionActed::projectId,
                (acted, delivery) -> supervisionActed(projects, acted, producer(delivery)))
            .build();
    this.answers =
        EventHandlers.of("project-service.bank-responses")
            .on(
                EventTypes.BANK_RESPONDED,
                Incoming.BankResponded.class,
                Incoming.BankResponded::projectId,
                (answer, delivery) ->
                    projects.answered(answer.toAnswer(delivery.event(), producer(delivery))))
            .build();
  }

  /**
   * Both topics in one listener: keyed by demand with the same partition count, each thread gets
   * the same partitions of both, so that a demand's decisions and answers are applied by one thread
   * in order and two threads never lock the same demands.
   */
  @EventBatchListener(
      topics = {Topics.MATCHES, Topics.BANK_RESPONSES},
      groupId = "project-service")
  void on(List<ConsumerRecord<String, String>> records) {
    events.consume(records, topic -> Topics.MATCHES.equals(topic) ? matches : answers);
  }

  /**
   * The service that wrote the event, the last segment of the envelope's source ({@code
   * /huoshui/matching-service}): the timeline names it for a step no client of a request took.
   */
  private static String producer(EventHandlers.Delivery delivery) {
    String path = delivery.event().source().getPath();
    return path == null
        ? delivery.event().source().toString()
        : path.substring(path.lastIndexOf('/') + 1);
  }

  private static Map<String, Object> tried(Incoming.DemandExhausted.Tried tried) {
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("matchId", tried.matchId().toString());
    match.put("bankCode", tried.bankCode());
    match.put("productId", tried.productId().toString());
    match.put("cause", tried.cause());
    if (tried.declineReason() != null) {
      match.put("declineReason", tried.declineReason());
    }
    return match;
  }

  private static Mono<Void> proposed(
      ProjectService projects, Incoming.MatchProposed match, String service) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tier", match.tier());
    details.put("rank", match.rank());
    details.put("score", match.score().toPlainString());
    details.put("deadline", match.deadline().toString());
    if (Boolean.TRUE.equals(match.manual())) {
      details.put("manual", true);
    }
    if (match.support() != null && !match.support().instruments().isEmpty()) {
      details.put(
          "instruments",
          match.support().instruments().stream()
              .map(Incoming.MatchProposed.Offered::name)
              .toList());
      details.put("effectiveAnnualRate", match.support().effectiveAnnualRate().toPlainString());
    }
    if (match.routedAfterDecline() != null) {
      details.put("routedAfterDecline", match.routedAfterDecline());
    }
    if (match.syndicate() != null) {
      details.put("syndicateRole", match.syndicate().role());
      details.put("syndicateShare", match.syndicate().share().toPlainString());
      details.put("syndicateLead", match.syndicate().leadBankCode());
    }
    return projects.pushed(
        match.projectId(),
        match.matchId(),
        match.bankCode(),
        match.productId(),
        match.productName(),
        details,
        match.proposedAt(),
        service);
  }

  private static Map<String, Object> noticeDetails(Incoming.MatchEscalated notice) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("matchId", notice.matchId().toString());
    details.put("colour", notice.colour());
    if (notice.stage() != null) {
      details.put("stage", notice.stage());
    }
    if (notice.escalateTo() != null) {
      details.put("escalateTo", notice.escalateTo());
    }
    details.put("deadline", notice.deadline().toString());
    return details;
  }

  private static Mono<Void> supervisionActed(
      ProjectService projects, Incoming.SupervisionActed acted, String service) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("actionId", acted.actionId().toString());
    details.put("action", acted.action());
    if (acted.matchId() != null) {
      details.put("matchId", acted.matchId().toString());
    }
    if (acted.reason() != null) {
      details.put("reason", acted.reason());
    }
    if (acted.note() != null) {
      details.put("note", acted.note());
    }
    details.put("operatorRegion", acted.operatorRegion());
    return projects.supervisionActed(
        acted.projectId(),
        acted.bankCode(),
        acted.productId(),
        details,
        acted.actedAt(),
        acted.actor(),
        service);
  }

  private static Mono<Void> unmatched(
      ProjectService projects, Incoming.NoMatchFound none, String service) {
    return projects.unmatched(
        none.projectId(),
        new NoMatch(
            none.evaluatedProducts(),
            none.failures().stream()
                .map(failure -> new NoMatch.Failure(failure.rule(), failure.failedProducts()))
                .toList()),
        none.decidedAt(),
        service);
  }
}
