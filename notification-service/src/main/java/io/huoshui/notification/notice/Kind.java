package io.huoshui.notification.notice;

/**
 * What a notification tells; with the audience type it picks the text template. A kind whose texts
 * differ by one of its facts names that fact: the template {@code <kind>.<audience>.<value>.title}
 * is used where it exists, {@code <kind>.<audience>.title} otherwise, so that a value added later
 * by the producer still reads.
 */
public enum Kind {
  MATCH_PROPOSED,
  NO_MATCH,
  DEMAND_EXHAUSTED,
  MATCH_ESCALATED("stage"),
  BANK_INTEREST,
  BANK_DECLINE,
  BANK_APPROVAL,
  BANK_DISBURSEMENT,
  CATALOG_DIGEST,
  DEADLINE_NEAR("stage"),
  PROJECT_WITHDRAWN,
  SUPERVISION_ACTED("action");

  private final String variedBy;

  Kind() {
    this(null);
  }

  Kind(String variedBy) {
    this.variedBy = variedBy;
  }

  /** The fact whose value chooses among the kind's texts; null when the kind has one text. */
  String variedBy() {
    return variedBy;
  }
}
