package io.huoshui.matching.domain;

/**
 * What the score knows of a bank: its track record with the demand pushed to it, and how much of it
 * it holds now.
 *
 * @param firstAnswers matches it has answered at least once
 * @param firstAnswerWorkingDays working days those first answers took, summed
 * @param approvals matches it approved (授信)
 * @param declines matches it declined
 * @param liveMatches matches pushed to it and not released
 */
public record BankStanding(
    long firstAnswers,
    long firstAnswerWorkingDays,
    long approvals,
    long declines,
    long liveMatches) {

  /** A bank nothing is known of yet. */
  public static final BankStanding NEW = new BankStanding(0, 0, 0, 0, 0);
}
