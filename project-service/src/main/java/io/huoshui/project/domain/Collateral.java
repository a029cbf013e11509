package io.huoshui.project.domain;

/** What the enterprise can pledge or offer as security; NONE stands alone. */
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
