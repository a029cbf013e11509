package io.huoshui.credit.values;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts and rates are shown, whatever scale they were written or stored with. */
public final class Decimals {

  private Decimals() {}

  /** Money always with its two decimals ("20000000.00"); inputs have at most two. */
  public static BigDecimal money(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * Rates are kept to three decimals; shown with the two a bank usually quotes ("3.85") unless it
   * used the third ("4.875").
   */
  public static BigDecimal rate(BigDecimal rate) {
    if (rate == null) {
      return null;
    }
    BigDecimal plain = rate.stripTrailingZeros();
    return plain.scale() < 2 ? rate.setScale(2, RoundingMode.UNNECESSARY) : plain;
  }
}
