package io.huoshui.project.domain;

/** The kinds of step a demand's timeline records. */
public enum Step {
  SUBMITTED,
  UPDATED,
  PUSHED,
  NO_MATCH,
  SUPERVISION_NOTICE,
  /** A financial office acknowledged, closed (销号), pushed or re-opened a supervision case. */
  SUPERVISION_ACTED,
  MATCH_RELEASED,
  BANK_INTEREST,
  BANK_DECLINE,
  APPROVED,
  DISBURSED,
  WITHDRAWN,
  EXHAUSTED,
  REOPENED,
  CLOSED
}
