package io.huoshui.credit.bank;

/** Where a bank sits in the tiers demand is pushed through: county first, then city, province. */
public enum BankLevel {
  COUNTY_BRANCH,
  CITY_BRANCH,
  PROVINCIAL,
  NATIONAL
}
