package io.huoshui.credit.vocabulary;

/**
 * What an enterprise can pledge. {@link #NONE} is what a demand offers when it has nothing; a
 * product that needs nothing (a credit loan) lists no collateral at all.
 */
public enum Collateral {
  REAL_ESTATE,
  EQUIPMENT,
  RECEIVABLES,
  COMMERCIAL_PAPER,
  WATER_RIGHTS,
  CARBON_QUOTA,
  EMISSION_RIGHTS,
  EQUITY,
  GUARANTEE,
  NONE
}
