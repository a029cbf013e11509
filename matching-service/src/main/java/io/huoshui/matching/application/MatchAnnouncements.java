package io.huoshui.matching.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.eventing.Outbox;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.FitRule;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.PledgeCover;
import io.huoshui.matching.domain.PolicySupport;
import io.huoshui.matching.domain.Reason;
import io.huoshui.matching.domain.RuleExplanation;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.domain.SyndicateShare;
import io.huoshui.matching.domain.Tier;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.DeclineReason;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The events matching-service publishes (docs/events.md, {@code huoshui.matches}), written to the
 * outbox in the transaction of the decision. A proposal names the demand's county, industry and
 * figures, never the enterprise or its contact: credit-service hands it on to the bank's own topic
 * once it holds the match, so that a bank never reads a match its answer API does not know.
 */
@Component
class MatchAnnouncements {

  private final Outbox outbox;

  MatchAnnouncements(Outbox outbox) {
    this.outbox = outbox;
  }

  /**
   * The proposals of one decision, written in one statement.
   *
   * @param routedAfter the decline the decision answered, null when none: a match lending on a
   *     guarantee after a decline for collateral says so, and a syndicate's member after a decline
   *     of the amount as too large for one bank, which its county's timeline shows
   */
  Mono<Void> proposed(List<Match> matches, Demand demand, DeclineReason routedAfter) {
    List<Outbox.Message> messages = new ArrayList<>(matches.size());
    for (Match match : matches) {
      boolean answersTheDecline =
          match.syndicate() != null
              ? routedAfter == DeclineReason.AMOUNT_TOO_LARGE
              : match.support() != null && match.support().guaranteeInPlaceOfCollateral();
      messages.add(
          toMatches(
              EventTypes.MATCH_PROPOSED,
              match,
              proposal(match, demand, answersTheDecline ? routedAfter : null)));
    }
    return outbox.appendAll(messages).then();
  }

  private MatchProposed proposal(Match match, Demand demand, DeclineReason routedAfterDecline) {
    return new MatchProposed(
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
        match.manual() ? Boolean.TRUE : null,
        match.stageDays().decision(),
        match.stageDays().disbursement(),
        match.support(),
        routedAfterDecline,
        match.pledge(),
        match.syndicate(),
        new AnonymisedDemand(
            demand.industry(),
            demand.enterpriseSize(),
            demand.county(),
            demand.amountRequested(),
            demand.termMonths(),
            demand.purpose(),
            demand.collateral(),
            demand.tags()));
  }

  Mono<Void> noMatch(Demand demand, MatchOutcome.NoMatch outcome, Instant decidedAt) {
    List<Failure> failures =
        outcome.failures().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(entry -> new Failure(entry.getKey(), entry.getValue()))
            .toList();
    return outbox
        .append(
            Topics.MATCHES,
            EventTypes.NO_MATCH,
            demand.projectId().toString(),
            new NoMatch(
                demand.projectId(),
                demand.county(),
                outcome.evaluatedProducts(),
                failures,
                outcome.explanations(),
                decidedAt),
            EventTypes.schemaOf(EventTypes.NO_MATCH))
        .then();
  }

  /**
   * @param escalateTo for RED, the level of the financial office it is escalated to; null for BLUE
   *     and YELLOW
   */
  Mono<Void> escalated(Match match, Colour colour, Tier escalateTo, Instant at) {
    return outbox
        .appendAll(
            List.of(
                toMatches(
                    EventTypes.MATCH_ESCALATED,
                    match,
                    new MatchEscalated(
                        match.matchId(),
                        match.projectId(),
                        match.county(),
                        match.bankCode(),
                        match.productId(),
                        colour,
                        match.stage(),
                        escalateTo,
                        match.deadline(),
                        at))))
        .then();
  }

  /** The demand has no live match and no fitting bank left: every match it had, oldest first. */
  Mono<Void> exhausted(Demand demand, List<Match> tried, Instant at) {
    return outbox
        .append(
            Topics.MATCHES,
            EventTypes.DEMAND_EXHAUSTED,
            demand.projectId().toString(),
            new DemandExhausted(
                demand.projectId(),
                demand.county(),
                tried.stream()
                    .map(
                        match ->
                            new Tried(
                                match.matchId(),
                                match.bankCode(),
                                match.productId(),
                                match.releaseCause(),
                                match.releaseCause() == Match.ReleaseCause.DECLINED
                                    ? match.declineReason()
                                    : null))
                    .toList(),
                at),
            EventTypes.schemaOf(EventTypes.DEMAND_EXHAUSTED))
        .then();
  }

  /** A match as released: its cause and time. */
  Mono<Void> released(Match match) {
    return outbox
        .append(
            Topics.MATCHES,
            EventTypes.MATCH_RELEASED,
            match.projectId().toString(),
            new MatchReleased(
                match.matchId(),
                match.projectId(),
                match.county(),
                match.bankCode(),
                match.productId(),
                match.releaseCause(),
                match.releasedAt()),
            EventTypes.schemaOf(EventTypes.MATCH_RELEASED))
        .then();
  }

  /** What a financial office did, with who did it. */
  Mono<Void> acted(SupervisionAction action) {
    return outbox
        .append(
            Topics.MATCHES,
            EventTypes.SUPERVISION_ACTED,
            action.projectId().toString(),
            new SupervisionActed(
                action.actionId(),
                action.projectId(),
                action.county(),
                action.action(),
                action.matchId(),
                action.bankCode(),
                action.productId(),
                action.reason(),
                action.note(),
                action.operatorRegion(),
                new ActingClient(action.clientId(), action.requestId()),
                action.actedAt()),
            EventTypes.schemaOf(EventTypes.SUPERVISION_ACTED))
        .then();
  }

  private static Outbox.Message toMatches(String type, Match match, Object payload) {
    return new Outbox.Message(
        Topics.MATCHES, type, match.projectId().toString(), payload, EventTypes.schemaOf(type));
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
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean manual,
      int decisionWorkingDays,
      int disbursementWorkingDays,
      @JsonInclude(JsonInclude.Include.NON_NULL) PolicySupport support,
      @JsonInclude(JsonInclude.Include.NON_NULL) DeclineReason routedAfterDecline,
      @JsonInclude(JsonInclude.Include.NON_NULL) PledgeCover pledge,
      @JsonInclude(JsonInclude.Include.NON_NULL) SyndicateShare syndicate,
      AnonymisedDemand demand) {}

  record Failure(FitRule rule, int failedProducts) {}

  record NoMatch(
      UUID projectId,
      String county,
      int evaluatedProducts,
      List<Failure> failures,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RuleExplanation> explanations,
      Instant decidedAt) {}

  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      Colour colour,
      Stage stage,
      @JsonInclude(JsonInclude.Include.NON_NULL) Tier escalateTo,
      LocalDate deadline,
      Instant escalatedAt) {}

  record MatchReleased(
      UUID matchId,
      UUID projectId,
      String county,
      String bankCode,
      UUID productId,
      Match.ReleaseCause cause,
      Instant releasedAt) {}

  record Tried(
      UUID matchId,
      String bankCode,
      UUID productId,
      Match.ReleaseCause cause,
      String declineReason) {}

  record DemandExhausted(UUID projectId, String county, List<Tried> tried, Instant exhaustedAt) {}

  record ActingClient(String clientId, String requestId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SupervisionActed(
      UUID actionId,
      UUID projectId,
      String county,
      SupervisionAction.Kind action,
      UUID matchId,
      String bankCode,
      UUID productId,
      String reason,
      String note,
      String operatorRegion,
      ActingClient actor,
      Instant actedAt) {}
}
