package io.huoshui.credit.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.credit.instrument.Drawing;
import io.huoshui.service.security.Actor;
import io.huoshui.vocabulary.DeclineReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    Actor actor,
    List<Drawing> instruments,
    @JsonInclude(JsonInclude.Include.NON_NULL) String registrationNumber,
    @JsonInclude(JsonInclude.Include.NON_NULL) String filingNumber) {

  /**
   * @param drawings what an approval drew on each instrument it named; null when it named none, as
   *     in every other answer
   * @param registered the green pledge's registration numbers the answer recorded, NONE when it
   *     recorded none
   */
  static BankResponded of(
      MatchState match,
      BankResponse response,
      Totals totals,
      List<Drawing> drawings,
      PledgeRegistration registered) {
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
        response.actor(),
        drawings.isEmpty() ? null : drawings,
        registered.registrationNumber(),
        registered.filingNumber());
  }
}
