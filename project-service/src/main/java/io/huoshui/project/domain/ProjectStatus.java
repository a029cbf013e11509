package io.huoshui.project.domain;

/**
 * Where a demand stands, declared in order of precedence: events arrive late and in any order
 * across topics, so a status only ever moves up this order, never back. WITHDRAWN and CLOSED are
 * final. The deliberate steps back are the county's own change of the demand, which starts matching
 * afresh (see {@link Project#revise}), and an exhausted demand's re-opening.
 */
public enum ProjectStatus {
  SUBMITTED,
  NO_MATCH,
  PUSHED,
  IN_TALKS,
  /**
   * Every bank that fitted has declined or gone RED and none with room is left; a later fitting
   * product re-opens it (see {@link Project#pushed}). Below APPROVED, so that money proven late
   * still counts.
   */
  EXHAUSTED,
  APPROVED,
  DISBURSED,
  /** The amount requested is disbursed in full, or the county closed the case. */
  CLOSED,
  /** The county withdrew the demand. */
  WITHDRAWN;

  public boolean isFinal() {
    return this == CLOSED || this == WITHDRAWN;
  }

  /** Until a bank has shown interest the county may still change what it asks for. */
  public boolean isRevisable() {
    return this == SUBMITTED || this == NO_MATCH || this == PUSHED;
  }

  /** Once money has flowed the demand is followed to its end rather than withdrawn. */
  public boolean isWithdrawable() {
    return compareTo(DISBURSED) < 0;
  }

  /** This status or the target, whichever ranks higher; a final status stays. */
  ProjectStatus advancedTo(ProjectStatus target) {
    return isFinal() || target.compareTo(this) <= 0 ? this : target;
  }
}
