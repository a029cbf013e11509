package io.huoshui.credit.vocabulary;

/** The industry task forces a demand and a product are classified by (docs/events.md). */
public enum Industry {
  AGRICULTURE,
  INDUSTRY_AND_SOFTWARE,
  CONSTRUCTION,
  TRADE_AND_HOSPITALITY,
  CULTURE_AND_TOURISM,
  TRANSPORT,
  OTHER_SERVICES
}
