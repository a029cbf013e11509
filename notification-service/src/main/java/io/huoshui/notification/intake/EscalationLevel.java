package io.huoshui.notification.intake;

import io.huoshui.notification.notice.Audience;

/**
 * The financial office a RED escalation goes to: the demand's own county office first, its city's
 * and its province's as the case stays unanswered (MatchEscalated {@code escalateTo}).
 */
enum EscalationLevel {
  COUNTY(6),
  CITY(4),
  PROVINCE(2);

  private final int digits;

  EscalationLevel(int digits) {
    this.digits = digits;
  }

  /** The operators of this level above the county: its code's prefix of this level's length. */
  Audience operatorsAbove(String county) {
    return Audience.operators(county.substring(0, digits));
  }
}
