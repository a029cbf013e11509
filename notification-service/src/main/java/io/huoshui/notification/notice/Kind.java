package io.huoshui.notification.notice;

/** What a notification tells; with the audience type it picks the text template. */
public enum Kind {
  MATCH_PROPOSED,
  NO_MATCH,
  DEMAND_EXHAUSTED,
  MATCH_ESCALATED,
  BANK_INTEREST,
  BANK_DECLINE,
  BANK_APPROVAL,
  BANK_DISBURSEMENT,
  CATALOG_DIGEST,
  DEADLINE_NEAR,
  PROJECT_WITHDRAWN
}
