package io.huoshui.project.application;

import io.huoshui.project.domain.InstrumentDraw;
import io.huoshui.project.domain.MatchTotals;
import io.huoshui.service.security.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bank's answer to a demand pushed to it, as credit-service reports it.
 *
 * @param amount INTEREST: indicative; APPROVAL: approved; DISBURSEMENT: this tranche
 * @param totals the match's totals after this answer
 * @param actor the bank's client and request that answered, when the event names them
 * @param service the service that reported the answer
 * @param instruments APPROVAL: the policy instruments it drew on; empty when it named none
 */
public record BankAnswer(
    UUID matchId,
    UUID projectId,
    String bankCode,
    UUID productId,
    Kind kind,
    BigDecimal amount,
    BigDecimal annualRate,
    Integer termMonths,
    String declineReason,
    String note,
    LocalDate disbursedOn,
    Instant respondedAt,
    MatchTotals totals,
    Actor actor,
    String service,
    List<InstrumentDraw> instruments) {

  public enum Kind {
    INTEREST,
    DECLINE,
    APPROVAL,
    DISBURSEMENT
  }
}
