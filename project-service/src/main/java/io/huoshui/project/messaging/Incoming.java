package io.huoshui.project.messaging;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.MayBeAbsent;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.project.application.BankAnswer;
import io.huoshui.project.domain.InstrumentDraw;
import io.huoshui.project.domain.MatchTotals;
import io.huoshui.service.security.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payloads of the events this service reads, as far as it reads them: other members are
 * ignored, so that producers may add some. The consumer refuses an event lacking a member not
 * marked {@link MayBeAbsent} (the producers' JSON Schemas say which may be), or about another
 * demand than its key, as poison.
 */
final class Incoming {

  private Incoming() {}

  /**
   * {@code manual} is present, and true, when a financial office pushed the demand by hand; {@code
   * support} on proposals since instruments are offered; {@code routedAfterDecline} when an earlier
   * bank's decline for that reason sent it to a product lending on a guarantee, or to a syndicate;
   * {@code syndicate} when the demand is shared among banks.
   */
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
      Instant proposedAt,
      @MayBeAbsent Boolean manual,
      @MayBeAbsent Support support,
      @MayBeAbsent String routedAfterDecline,
      @MayBeAbsent Syndicate syndicate) {

    /** The public money offered with the proposal: its instruments and the rate after subsidy. */
    record Support(
        BigDecimal effectiveAnnualRate,
        Boolean guaranteeInPlaceOfCollateral,
        List<Offered> instruments) {}

    record Offered(String name, String kind) {}

    /** The bank's place in the demand's syndicate: LEAD or PARTICIPANT, and its proposed share. */
    record Syndicate(String role, BigDecimal share, String leadBankCode) {}
  }

  record NoMatchFound(
      UUID projectId, Integer evaluatedProducts, List<Failure> failures, Instant decidedAt) {

    record Failure(String rule, int failedProducts) {}
  }

  /**
   * A supervision notice: absent {@code stage} is the first answer's; {@code escalateTo}, on a RED
   * one only, the level of the financial office it goes to.
   */
  record MatchEscalated(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String colour,
      @MayBeAbsent String stage,
      @MayBeAbsent String escalateTo,
      LocalDate deadline,
      Instant escalatedAt) {}

  record MatchReleased(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String cause,
      Instant releasedAt) {}

  /**
   * What a financial office did about the demand: the match is named for a case's acknowledgement
   * or closure and for a push (the new match), not for a re-opening; the reason for a closure and a
   * push only.
   */
  record SupervisionActed(
      UUID actionId,
      UUID projectId,
      String action,
      @MayBeAbsent UUID matchId,
      @MayBeAbsent String bankCode,
      @MayBeAbsent UUID productId,
      @MayBeAbsent String reason,
      @MayBeAbsent String note,
      String operatorRegion,
      Actor actor,
      Instant actedAt) {}

  /** Every match the demand had, oldest first, with how it ended. */
  record DemandExhausted(UUID projectId, String county, List<Tried> tried, Instant exhaustedAt) {

    record Tried(
        UUID matchId,
        String bankCode,
        UUID productId,
        String cause,
        @MayBeAbsent String declineReason) {}
  }

  /** What the answer carries beside its kind depends on the kind: the rest may be absent. */
  record BankResponded(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String answer,
      @MayBeAbsent BigDecimal amount,
      @MayBeAbsent BigDecimal annualRate,
      @MayBeAbsent Integer termMonths,
      @MayBeAbsent String declineReason,
      @MayBeAbsent String note,
      @MayBeAbsent LocalDate disbursedOn,
      Instant respondedAt,
      Totals totals,
      @MayBeAbsent Actor actor,
      @MayBeAbsent List<Drawn> instruments) {

    record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

    /** An instrument an approval drew on; kind, name and issuer since credit-service tells them. */
    record Drawn(
        UUID instrumentId,
        @MayBeAbsent String kind,
        @MayBeAbsent String name,
        @MayBeAbsent String issuerRegion,
        BigDecimal drawn) {}

    BankAnswer toAnswer(EventEnvelope event, String service) {
      BankAnswer.Kind kind;
      try {
        kind = BankAnswer.Kind.valueOf(answer);
      } catch (IllegalArgumentException unknown) {
        throw new PoisonEventException(
            "%s %s carries an unknown answer %s".formatted(event.type(), event.id(), answer));
      }
      return new BankAnswer(
          matchId,
          projectId,
          bankCode,
          productId,
          kind,
          amount == null ? null : cents(event, amount),
          annualRate,
          termMonths,
          declineReason,
          note,
          disbursedOn,
          respondedAt,
          new MatchTotals(
              cents(event, totals.intended()),
              cents(event, totals.approved()),
              cents(event, totals.disbursed())),
          actor,
          service,
          instruments == null
              ? List.of()
              : instruments.stream().map(drawn -> drawn(event, drawn)).toList());
    }

    /** The consumer checks members of nested records, not of a list's items: they are read here. */
    private static InstrumentDraw drawn(EventEnvelope event, Drawn drawn) {
      if (drawn == null || drawn.instrumentId() == null || drawn.drawn() == null) {
        throw new PoisonEventException(
            "%s %s names an instrument without its instrumentId or drawn"
                .formatted(event.type(), event.id()));
      }
      return new InstrumentDraw(
          drawn.instrumentId(),
          drawn.kind(),
          drawn.name(),
          drawn.issuerRegion(),
          cents(event, drawn.drawn()));
    }

    /**
     * Money as held here: two places. More places, or a negative amount, break the contract; a
     * payload carrying one is poison rather than silently rounded.
     */
    private static BigDecimal cents(EventEnvelope event, BigDecimal amount) {
      if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
        throw new PoisonEventException(
            "%s %s carries the amount %s, not a CNY amount with at most two places"
                .formatted(event.type(), event.id(), amount.toPlainString()));
      }
      return amount.setScale(2);
    }
  }
}
