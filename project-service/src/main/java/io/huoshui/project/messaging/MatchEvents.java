package io.huoshui.project.messaging;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.NoMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What matching-service decides about a demand ({@code huoshui.matches}): a push to a bank, no
 * fitting product, a supervision notice, a match that ended. Each event is applied once; types this
 * service does not know are skipped, so that matching may announce new ones.
 */
@Component
class MatchEvents {

  static final String TOPIC = "huoshui.matches";
  static final String CONSUMER = "project-service.matches";

  private final EventConsumer events;
  private final ProjectService projects;

  MatchEvents(EventConsumer events, ProjectService projects) {
    this.events = events;
    this.projects = projects;
  }

  @KafkaListener(topics = TOPIC, groupId = "project-service")
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    return switch (event.type()) {
      case "io.huoshui.matching.MatchProposed.v1" -> proposed(read(event, MatchProposed.class));
      case "io.huoshui.matching.NoMatch.v1" -> unmatched(read(event, NoMatchFound.class));
      case "io.huoshui.matching.MatchEscalated.v1" -> escalated(read(event, MatchEscalated.class));
      case "io.huoshui.matching.MatchReleased.v1" -> released(read(event, MatchReleased.class));
      default -> Mono.empty();
    };
  }

  private Mono<Void> proposed(MatchProposed match) {
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

  private Mono<Void> unmatched(NoMatchFound none) {
    return projects.unmatched(
        none.projectId(),
        new NoMatch(
            none.evaluatedProducts(),
            none.failures().stream()
                .map(failure -> new NoMatch.Failure(failure.rule(), failure.failedProducts()))
                .toList()),
        none.decidedAt());
  }

  private Mono<Void> escalated(MatchEscalated notice) {
    return projects.supervised(
        notice.projectId(),
        notice.matchId(),
        notice.bankCode(),
        notice.productId(),
        notice.colour(),
        notice.deadline(),
        notice.escalatedAt());
  }

  private Mono<Void> released(MatchReleased release) {
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

  record MatchProposed(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String productName,
      String tier,
      Integer rank,
      BigDecimal score,
      LocalDate deadline,
      Instant proposedAt)
      implements Payload {

    @Override
    public Object[] required() {
      return new Object[] {
        matchId,
        projectId,
        bankCode,
        productId,
        productName,
        tier,
        rank,
        score,
        deadline,
        proposedAt
      };
    }
  }

  record NoMatchFound(
      UUID projectId, Integer evaluatedProducts, List<Failure> failures, Instant decidedAt)
      implements Payload {

    record Failure(String rule, int failedProducts) {}

    @Override
    public Object[] required() {
      return new Object[] {projectId, evaluatedProducts, failures, decidedAt};
    }
  }

  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String colour,
      LocalDate deadline,
      Instant escalatedAt)
      implements Payload {

    @Override
    public Object[] required() {
      return new Object[] {matchId, projectId, bankCode, productId, colour, deadline, escalatedAt};
    }
  }

  record MatchReleased(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String cause,
      Instant releasedAt)
      implements Payload {

    @Override
    public Object[] required() {
      return new Object[] {matchId, projectId, bankCode, productId, cause, releasedAt};
    }
  }
}
