package io.huoshui.vocabulary;

/**
 * What an enterprise can pledge. {@link #NONE} is what a demand offers when it has nothing, and it
 * stands alone; a product that needs nothing (a credit loan) lists no collateral at all.
 * WATER_RIGHTS is a water-abstraction permit (取水证).
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
