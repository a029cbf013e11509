package io.huoshui.matching.application;

import io.huoshui.eventing.Outbox;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.FitRule;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.Reason;
import io.huoshui.matching.domain.Tier;
import io.huoshui.matching.persistence.MatchRow;
import io.huoshui.service.BankTopics;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The events matching-service publishes (docs/events.md, {@code huoshui.matches}), written to the
 * outbox in the transaction of the decision. What concerns a bank also goes to the bank's own
 * topic, which identity-service provisions; it names the demand's county, industry and figures,
 * never the enterprise or its contact.
 */
@Component
class MatchAnnouncements {

  static final String TOPIC = "huoshui.matches";
  static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  static final String NO_MATCH = "io.huoshui.matching.NoMatch.v1";
  static final String ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  static final String RELEASED = "io.huoshui.matching.MatchReleased.v1";

  private final Outbox outbox;

  MatchAnnouncements(Outbox outbox) {
    this.outbox = outbox;
  }

  Mono<Void> proposed(MatchRow match, Demand demand) {
    MatchProposed payload =
        new MatchProposed(
            match.matchId(),
            match.projectId(),
            match.county(),
            match.bankCode(),
            match.productId(),
            match.productName(),
            match.tier(),
            match.rank(),
            match.score(),
            match.reasons(),
            match.deadline(),
            match.proposedAt(),
            new AnonymisedDemand(
                demand.industry(),
                demand.enterpriseSize(),
                demand.county(),
                demand.amountRequested(),
                demand.termMonths(),
                demand.purpose(),
                demand.collateral(),
                demand.tags()));
    return toMatchesAndBank(PROPOSED, "MatchProposed", match, payload);
  }

  Mono<Void> noMatch(Demand demand, MatchOutcome.NoMatch outcome, Instant decidedAt) {
    List<Failure> failures =
        outcome.failures().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> new Failure(entry.getKey(), entry.getValue()))
            .toList();
    return outbox
        .append(
            TOPIC,
            NO_MATCH,
            demand.projectId().toString(),
            new NoMatch(
                demand.projectId(),
                demand.county(),
                outcome.evaluatedProducts(),
                failures,
                decidedAt),
            schema("NoMatch"))
        .then();
  }

  Mono<Void> escalated(MatchRow match, Colour colour, Instant at) {
    return toMatchesAndBank(
        ESCALATED,
        "MatchEscalated",
        match,
        new MatchEscalated(
            match.matchId(),
            match.projectId(),
            match.county(),
            match.bankCode(),
            match.productId(),
            colour,
            match.deadline(),
            at));
  }

  Mono<Void> released(MatchRow match, String cause, Instant at) {
    return outbox
        .append(
            TOPIC,
            RELEASED,
            match.projectId().toString(),
            new MatchReleased(
                match.matchId(),
                match.projectId(),
                match.county(),
                match.bankCode(),
                match.productId(),
                cause,
                at),
            schema("MatchReleased"))
        .then();
  }

  private Mono<Void> toMatchesAndBank(
      String type, String schemaName, MatchRow match, Object payload) {
    String subject = match.projectId().toString();
    URI schema = schema(schemaName);
    return outbox
        .append(TOPIC, type, subject, payload, schema)
        .then(outbox.append(BankTopics.matchesOf(match.bankCode()), type, subject, payload, schema))
        .then();
  }

  private static URI schema(String name) {
    return URI.create("https://huoshui.io/schemas/matching-service/" + name + ".v1.json");
  }

  record AnonymisedDemand(
      Industry industry,
      EnterpriseSize enterpriseSize,
      String county,
      BigDecimal amountRequested,
      int termMonths,
      Purpose purpose,
      Set<Collateral> collateral,
      Set<Tag> tags) {}

  record MatchProposed(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String productName,
      Tier tier,
      int rank,
      BigDecimal score,
      List<Reason> reasons,
      LocalDate deadline,
      Instant proposedAt,
      AnonymisedDemand demand) {}

  record Failure(FitRule rule, int failedProducts) {}

  record NoMatch(
      UUID projectId,
      String county,
      int evaluatedProducts,
      List<Failure> failures,
      Instant decidedAt) {}

  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      Colour colour,
      LocalDate deadline,
      Instant escalatedAt) {}

  record MatchReleased(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      String cause,
      Instant releasedAt) {}
}
