package io.huoshui.load;

/** Unified social credit codes (统一社会信用代码) that pass the GB 32100-2015 check. */
final class CreditCodes {

  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  /** The 17 characters given, followed by their check character. */
  static String complete(String first17) {
    if (first17.length() != WEIGHTS.length) {
      throw new IllegalArgumentException("17 characters expected: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return first17 + CHARSET.charAt((31 - sum % 31) % 31);
  }

  /**
   * An enterprise (registration authority 9, type 1) of the county, told apart by a serial that
   * fills the nine characters of the organisation code.
   */
  static String enterprise(String county, long serial) {
    return complete("91" + county + "%09d".formatted(serial % 1_000_000_000L));
  }
}
