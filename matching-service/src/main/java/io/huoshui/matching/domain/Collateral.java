package io.huoshui.matching.domain;

/** The collateral vocabulary of docs/events.md; NONE is a demand that can offer nothing. */
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
