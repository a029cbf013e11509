package io.huoshui.matching.domain;

/**
 * What the bank owes a match next, each with a clock of its own: a first answer after the push, a
 * credit decision (approval or decline) after INTEREST, a first disbursement after APPROVAL.
 */
public enum Stage {
  FIRST_ANSWER,
  DECISION,
  DISBURSEMENT;

  /**
   * The stage whose clock runs after the answer: a later stage restarts the clock, an answer that
   * moves nothing forward keeps the current one, and a disbursement (or a decline) stops it.
   *
   * @param current the stage running, null when no clock runs any more
   * @return null when no clock runs
   */
  public static Stage after(Stage current, Match.Answer answer) {
    Stage reached =
        switch (answer) {
          case INTEREST -> DECISION;
          case APPROVAL -> DISBURSEMENT;
          case DISBURSEMENT, DECLINE -> null;
        };
    if (current == null || reached == null) {
      return null;
    }
    return reached.compareTo(current) > 0 ? reached : current;
  }
}
