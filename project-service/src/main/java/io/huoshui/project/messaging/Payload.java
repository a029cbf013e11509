package io.huoshui.project.messaging;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.project.application.BankAnswer;
import io.huoshui.project.persistence.MatchStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The payloads of the events this service reads (docs/events.md), as far as it reads them: other
 * members are ignored, so that producers may add some. A payload that lacks what this service
 * needs, or is about another demand than the record's key, is poison: no retry can fix it.
 */
interface Payload {

  /** The members without which the event cannot be applied. */
  Object[] required();

  UUID projectId();

  static <T extends Payload> T checked(EventEnvelope event, T payload) {
    if (Arrays.asList(payload.required()).contains(null)) {
      throw new PoisonEventException(
          "%s %s lacks a member it must carry".formatted(event.type(), event.id()));
    }
    if (!Objects.equals(payload.projectId().toString(), event.subject())) {
      throw new PoisonEventException(
          "%s %s is about demand %s but keyed %s"
              .formatted(event.type(), event.id(), payload.projectId(), event.subject()));
    }
    return payload;
  }

  /**
   * Money as held here: two places. More places, or a negative amount, break the contract; a
   * payload carrying one is poison rather than silently rounded.
   */
  static BigDecimal cents(EventEnvelope event, BigDecimal amount) {
    if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
      throw new PoisonEventException(
          "%s %s carries the amount %s, not a CNY amount with at most two places"
              .formatted(event.type(), event.id(), amount.toPlainString()));
    }
    return amount.setScale(2);
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

  record BankResponded(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String answer,
      BigDecimal amount,
      BigDecimal annualRate,
      Integer termMonths,
      String declineReason,
      String note,
      LocalDate disbursedOn,
      Instant respondedAt,
      Totals totals)
      implements Payload {

    record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

    @Override
    public Object[] required() {
      return new Object[] {
        matchId,
        projectId,
        bankCode,
        productId,
        answer,
        respondedAt,
        totals,
        totals == null ? null : totals.intended(),
        totals == null ? null : totals.approved(),
        totals == null ? null : totals.disbursed()
      };
    }

    BankAnswer toAnswer(EventEnvelope event) {
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
          new MatchStore.Totals(
              cents(event, totals.intended()),
              cents(event, totals.approved()),
              cents(event, totals.disbursed())));
    }
  }
}
