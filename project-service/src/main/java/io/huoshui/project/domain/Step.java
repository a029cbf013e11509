package io.huoshui.project.domain;

/** The kinds of step a demand's timeline records. */
public enum Step {
  SUBMITTED,
  UPDATED,
  PUSHED,
  NO_MATCH,
  SUPERVISION_NOTICE,
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
