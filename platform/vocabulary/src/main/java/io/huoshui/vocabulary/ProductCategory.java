package io.huoshui.vocabulary;

/** The kinds of credit product in the city's financial product catalog (金融产品目录). */
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
