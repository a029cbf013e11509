package io.huoshui.credit.inbox;

/** Where a match stands for the bank it was pushed to. */
enum MatchStatus {
  /** Pushed, not answered yet. */
  PROPOSED,
  INTERESTED,
  DECLINED,
  APPROVED,
  /** At least one tranche disbursed. */
  DISBURSED,
  /** Taken back by the matching service (declined, red, withdrawn, superseded). */
  RELEASED
}
