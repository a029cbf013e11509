package io.huoshui.matching.domain;

/** The product category vocabulary of docs/events.md. */
public enum ProductCategory {
  GREEN,
  INCLUSIVE,
  WORKING_CAPITAL,
  FIXED_ASSETS,
  SYNDICATED,
  ACQUISITION,
  EQUITY_PLEDGE,
  SUPPLY_CHAIN,
  OTHER
}
