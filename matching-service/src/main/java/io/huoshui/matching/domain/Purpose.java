package io.huoshui.matching.domain;

/** The purpose vocabulary of docs/events.md. */
public enum Purpose {
  WORKING_CAPITAL,
  FIXED_ASSETS,
  TECHNOLOGY_UPGRADE,
  GREEN_TRANSITION,
  ACQUISITION,
  OTHER
}
