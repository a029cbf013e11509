package io.huoshui.project.messaging;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.NoMatch;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the network reports about demands: matching's decisions ({@code huoshui.matches}) and the
 * banks' answers ({@code huoshui.bank-responses}). Each event is applied once; types this service
 * does not know are skipped, so that a producer may announce new ones.
 */
@Component
class NetworkEvents {

  static final String MATCHES = "huoshui.matches";
  static final String BANK_RESPONSES = "huoshui.bank-responses";

  private final EventConsumer events;
  private final ProjectService projects;

  NetworkEvents(EventConsumer events, ProjectService projects) {
    this.events = events;
    this.projects = projects;
  }

  @KafkaListener(topics = MATCHES, groupId = "project-service")
  void onMatch(ConsumerRecord<String, String> record) {
    events.consume(record, "project-service.matches", this::applyMatch);
  }

  @KafkaListener(topics = BANK_RESPONSES, groupId = "project-service")
  void onBankResponse(ConsumerRecord<String, String> record) {
    events.consume(record, "project-service.bank-responses", this::applyResponse);
  }

  private Mono<Void> applyMatch(EventEnvelope event) {
    return switch (event.type()) {
      case "io.huoshui.matching.MatchProposed.v1" ->
          proposed(read(event, Payload.MatchProposed.class));
      case "io.huoshui.matching.NoMatch.v1" -> unmatched(read(event, Payload.NoMatchFound.class));
      case "io.huoshui.matching.MatchEscalated.v1" ->
          escalated(read(event, Payload.MatchEscalated.class));
      case "io.huoshui.matching.MatchReleased.v1" ->
          released(read(event, Payload.MatchReleased.class));
      default -> Mono.empty();
    };
  }

  private Mono<Void> applyResponse(EventEnvelope event) {
    return switch (event.type()) {
      case "io.huoshui.credit.BankResponded.v1" ->
          projects.answered(read(event, Payload.BankResponded.class).toAnswer(event));
      default -> Mono.empty();
    };
  }

  private Mono<Void> proposed(Payload.MatchProposed match) {
    return projects.pushed(
        match.projectId(),
        match.matchId(),
        match.bankCode(),
        match.productId(),
        match.productName(),
        Map.of(
            "tier", match.tier(),
            "rank", match.rank(),
            "score", match.score().toPlainString(),
            "deadline", match.deadline().toString()),
        match.proposedAt());
  }

  private Mono<Void> unmatched(Payload.NoMatchFound none) {
    return projects.unmatched(
        none.projectId(),
        new NoMatch(
            none.evaluatedProducts(),
            none.failures().stream()
                .map(failure -> new NoMatch.Failure(failure.rule(), failure.failedProducts()))
                .toList()),
        none.decidedAt());
  }

  private Mono<Void> escalated(Payload.MatchEscalated notice) {
    return projects.supervised(
        notice.projectId(),
        notice.matchId(),
        notice.bankCode(),
        notice.productId(),
        notice.colour(),
        notice.deadline(),
        notice.escalatedAt());
  }

  private Mono<Void> released(Payload.MatchReleased release) {
    return projects.released(
        release.projectId(),
        release.matchId(),
        release.bankCode(),
        release.productId(),
        release.cause(),
        release.releasedAt());
  }

  private <T extends Payload> T read(EventEnvelope event, Class<T> type) {
    return Payload.checked(event, events.payload(event, type));
  }
}
