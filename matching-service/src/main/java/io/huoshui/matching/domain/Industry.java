package io.huoshui.matching.domain;

/** The industry vocabulary of docs/events.md. */
public enum Industry {
  AGRICULTURE,
  INDUSTRY_AND_SOFTWARE,
  CONSTRUCTION,
  TRADE_AND_HOSPITALITY,
  CULTURE_AND_TOURISM,
  TRANSPORT,
  OTHER_SERVICES
}
