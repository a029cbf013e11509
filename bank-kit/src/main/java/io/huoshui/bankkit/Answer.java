package io.huoshui.bankkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A bank's answer to a match, as the credit API takes it. Each factory sets exactly the members its
 * kind of answer takes: the API refuses a member foreign to the answer. Money and rates travel as
 * decimal strings, so that no amount passes through a binary fraction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Answer(
    String answer,
    String amount,
    String annualRate,
    Integer termMonths,
    String reasonCode,
    String note,
    String overRequestReason,
    LocalDate disbursedOn) {

  /** Interest, with the indicative amount; the enterprise's identity is released to the bank. */
  public static Answer interest(BigDecimal amount) {
    return new Answer("INTEREST", amount.toPlainString(), null, null, null, null, null, null);
  }

  /** A decline with its reason; a note is required with OTHER. */
  public static Answer decline(String reasonCode, String note) {
    return new Answer("DECLINE", null, null, null, reasonCode, note, null, null);
  }

  /** An approval; {@code overRequestReason} only when the amount is above the one requested. */
  public static Answer approval(
      BigDecimal amount, BigDecimal annualRate, int termMonths, String overRequestReason) {
    return new Answer(
        "APPROVAL",
        amount.toPlainString(),
        annualRate.toPlainString(),
        termMonths,
        null,
        null,
        overRequestReason,
        null);
  }

  /** One tranche paid out. */
  public static Answer disbursement(BigDecimal amount, LocalDate disbursedOn) {
    return new Answer(
        "DISBURSEMENT", amount.toPlainString(), null, null, null, null, null, disbursedOn);
  }
}
