package io.huoshui.vocabulary;

/** What the money is for. */
public enum Purpose {
  WORKING_CAPITAL,
  FIXED_ASSETS,
  TECHNOLOGY_UPGRADE,
  GREEN_TRANSITION,
  ACQUISITION,
  OTHER
}
