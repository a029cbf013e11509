package io.huoshui.matching.domain;

/** Why a financial office closed a supervision case (销号). */
public enum ClosureReason {
  /** The bank answered the enterprise or the county outside the network. */
  BANK_ANSWERED_OFFLINE,
  /** The matter is settled: the enterprise was financed or no longer needs it. */
  SETTLED,
  /** The case does not call for supervision, e.g. raised in error. */
  NOT_APPLICABLE
}
