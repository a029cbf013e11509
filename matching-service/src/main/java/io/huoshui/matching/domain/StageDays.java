package io.huoshui.matching.domain;

/**
 * The working days a match's bank has for its later stages, fixed when the demand is pushed: the
 * product's own where it states them, the network's defaults otherwise. A product changed or
 * retired while the match runs changes no clock the bank already runs on.
 *
 * @param decision working days for the credit decision after INTEREST
 * @param disbursement working days for the first disbursement after APPROVAL
 */
public record StageDays(int decision, int disbursement) {

  public StageDays {
    if (decision < 1 || disbursement < 1) {
      throw new IllegalArgumentException("a stage lasts at least one working day");
    }
  }

  /** The working days of a later stage; the first answer's come with the push. */
  public int of(Stage stage) {
    return switch (stage) {
      case DECISION -> decision;
      case DISBURSEMENT -> disbursement;
      case FIRST_ANSWER ->
          throw new IllegalArgumentException("the first answer's deadline comes with the push");
    };
  }
}
