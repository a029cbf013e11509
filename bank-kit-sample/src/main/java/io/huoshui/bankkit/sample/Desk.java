package io.huoshui.bankkit.sample;

import io.huoshui.bankkit.Answer;
import io.huoshui.bankkit.MatchEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The sample bank's credit rule: a demand up to its limit gets interest for the amount requested,
 * an approval of that amount at one rate for the term asked, using every policy instrument the
 * proposal offers, and one disbursement of it all; a larger one is declined as too large. A
 * misbehaving desk sends the approval before the interest, the mistake the conformance check must
 * catch.
 */
record Desk(BigDecimal limit, BigDecimal annualRate, boolean misbehaving) {

  List<Answer> answers(MatchEvent.Proposed proposal, LocalDate today) {
    MatchEvent.Demand demand = proposal.demand();
    BigDecimal amount = demand.amountRequested();
    if (amount.compareTo(limit) > 0) {
      return List.of(
          Answer.decline("AMOUNT_TOO_LARGE", "超出本行单户授信上限 " + limit.toPlainString() + " 元"));
    }
    Answer interest = Answer.interest(amount);
    Answer approval =
        Answer.approval(
            amount,
            annualRate,
            demand.termMonths(),
            null,
            proposal.instruments().stream().map(MatchEvent.Instrument::instrumentId).toList());
    Answer disbursement = Answer.disbursement(amount, today);
    return misbehaving
        ? List.of(approval, interest, disbursement)
        : List.of(interest, approval, disbursement);
  }
}
