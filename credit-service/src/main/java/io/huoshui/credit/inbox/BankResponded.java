package io.huoshui.credit.inbox;

import io.huoshui.service.security.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The payload of {@code io.huoshui.credit.BankResponded.v1} (docs/events.md). */
record BankResponded(
    UUID responseId,
    UUID matchId,
    UUID projectId,
    String county,
    String bankCode,
    UUID productId,
    Answer answer,
    BigDecimal amount,
    BigDecimal annualRate,
    Integer termMonths,
    DeclineReason declineReason,
    String note,
    String overRequestReason,
    LocalDate disbursedOn,
    Instant respondedAt,
    Totals totals,
    Actor actor) {

  static BankResponded of(MatchState match, BankResponse response, Totals totals) {
    return new BankResponded(
        response.responseId(),
        match.matchId(),
        match.projectId(),
        match.county(),
        match.bankCode(),
        match.productId(),
        response.answer(),
        response.amount(),
        response.annualRate(),
        response.termMonths(),
        response.reasonCode(),
        response.note(),
        response.overRequestReason(),
        response.disbursedOn(),
        response.respondedAt(),
        totals,
        response.actor());
  }
}
