package io.huoshui.vocabulary;

/** The seven industry task forces (专班) demand is sorted into. */
public enum Industry {
  AGRICULTURE,
  INDUSTRY_AND_SOFTWARE,
  CONSTRUCTION,
  TRADE_AND_HOSPITALITY,
  CULTURE_AND_TOURISM,
  TRANSPORT,
  OTHER_SERVICES
}
