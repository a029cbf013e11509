package io.huoshui.matching.domain;

/** Where a demand stands for matching. */
public enum DemandStatus {
  /** Matched, or waiting for a slot to be filled. */
  OPEN,
  /** Nothing fitted when last evaluated; reverse matching may still find it a product. */
  NO_MATCH,
  /**
   * Every bank it had declined or went RED and no other fitting bank is left; reverse matching may
   * still find it a product, which re-opens it.
   */
  EXHAUSTED,
  /** Approvals (or disbursements) cover the amount requested: never routed again. */
  FINANCED,
  WITHDRAWN,
  /** Closed by its county: never routed again. */
  CLOSED;

  /** Whether new banks may still be found for it. */
  public boolean routable() {
    return this == OPEN || this == NO_MATCH || this == EXHAUSTED;
  }
}
