package io.huoshui.vocabulary;

/**
 * What an enterprise can pledge. {@link #NONE} is what a demand offers when it has nothing, and it
 * stands alone; a product that needs nothing (a credit loan) lists no collateral at all.
 * WATER_RIGHTS is a water-abstraction permit (取水证).
 *
 * <p>WATER_RIGHTS, CARBON_QUOTA and EMISSION_RIGHTS are pledges of rights (green collateral): a
 * demand may detail each with its licence or account, quantity, validity and price, and a product
 * may state the share of their value it lends, so that matching checks the pledge and not only its
 * kind.
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
  NONE;

  /** Whether it is a pledge of rights a demand may detail (取水证, 碳配额, 排污权). */
  public boolean isGreenRight() {
    return this == WATER_RIGHTS || this == CARBON_QUOTA || this == EMISSION_RIGHTS;
  }
}
