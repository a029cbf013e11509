package io.huoshui.vocabulary;

/**
 * How a green pledge's value is taken: the quantity times a unit price (136 million m³ × 0.15 CNY),
 * or the total the enterprise's valuation states. A product says which it accepts.
 */
public enum PledgeValuation {
  UNIT_PRICE,
  ENTERPRISE_VALUATION
}
