package io.huoshui.matching.domain;

/** Where a demand stands for matching. */
public enum DemandStatus {
  /** Matched, or waiting for a slot to be filled. */
  OPEN,
  /** Nothing fitted when last evaluated; reverse matching may still find it a product. */
  NO_MATCH,
  WITHDRAWN
}
