package io.huoshui.credit.product;

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
