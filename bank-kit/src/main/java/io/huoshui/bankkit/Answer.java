package io.huoshui.bankkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A bank's answer to a match, as the credit API takes it. Each factory sets exactly the members its
 * kind of answer takes: the API refuses a member foreign to the answer. Money and rates travel as
 * decimal strings, so that no amount passes through a binary fraction.
 *
 * @param instruments an approval's policy instruments by id (those its proposal offered, {@link
 *     MatchEvent.Proposed#instruments()}), each drawn on by the approval; null for none
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
    LocalDate disbursedOn,
    List<String> instruments,
    String registrationNumber,
    String filingNumber) {

  public Answer {
    instruments = instruments == null ? null : List.copyOf(instruments);
  }

  /**
   * The same approval or disbursement recording the registration of the green pledge behind the
   * match: its number in the national movable-property registry (动产融资统一登记公示系统) and the licensing
   * authority's filing (备案号). The network pays out on such a pledge only once both are recorded; a
   * number once recorded is kept.
   */
  public Answer registering(String registrationNumber, String filingNumber) {
    return with(instruments, registrationNumber, filingNumber);
  }

  /** Interest, with the indicative amount; the enterprise's identity is released to the bank. */
  public static Answer interest(BigDecimal amount) {
    return new Answer(
        "INTEREST", amount.toPlainString(), null, null, null, null, null, null, null, null, null);
  }

  /** A decline with its reason; a note is required with OTHER. */
  public static Answer decline(String reasonCode, String note) {
    return new Answer("DECLINE", null, null, null, reasonCode, note, null, null, null, null, null);
  }

  /** An approval; {@code overRequestReason} only when the amount is above the one requested. */
  public static Answer approval(
      BigDecimal amount, BigDecimal annualRate, int termMonths, String overRequestReason) {
    return approval(amount, annualRate, termMonths, overRequestReason, List.of());
  }

  /**
   * An approval that uses policy instruments: the network draws it on each one's budget with the
   * approval, or refuses the approval whole (409 {@code INSTRUMENT_BUDGET_EXHAUSTED}, 422 {@code
   * INSTRUMENT_UNAVAILABLE}) when one cannot serve it. An empty list names none.
   *
   * @param instrumentIds the instruments' ids, each once
   */
  public static Answer approval(
      BigDecimal amount,
      BigDecimal annualRate,
      int termMonths,
      String overRequestReason,
      List<String> instrumentIds) {
    return new Answer(
        "APPROVAL",
        amount.toPlainString(),
        annualRate.toPlainString(),
        termMonths,
        null,
        null,
        overRequestReason,
        null,
        instrumentIds.isEmpty() ? null : instrumentIds,
        null,
        null);
  }

  /** One tranche paid out. */
  public static Answer disbursement(BigDecimal amount, LocalDate disbursedOn) {
    return new Answer(
        "DISBURSEMENT",
        amount.toPlainString(),
        null,
        null,
        null,
        null,
        null,
        disbursedOn,
        null,
        null,
        null);
  }

  /** The same answer naming no instrument: an approval to send when an instrument refused it. */
  public Answer withoutInstruments() {
    return with(null, registrationNumber, filingNumber);
  }

  private Answer with(List<String> instruments, String registrationNumber, String filingNumber) {
    return new Answer(
        answer,
        amount,
        annualRate,
        termMonths,
        reasonCode,
        note,
        overRequestReason,
        disbursedOn,
        instruments,
        registrationNumber,
        filingNumber);
  }
}
