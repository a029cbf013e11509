package io.huoshui.credit.product;

/** A retired product stays readable (answers and digests name it) but is no longer offered. */
public enum ProductStatus {
  ACTIVE,
  RETIRED
}
