package io.huoshui.vocabulary;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015 that names every enterprise of a
 * demand: 18 characters from a 31-character alphabet (no I, O, S, V, Z), the last a check character
 * over the first 17. project-service refuses a code whose check character is wrong, so whatever
 * makes demands (the load benchmark, the banks' conformance check, the system tests) makes its
 * codes here.
 */
public final class CreditCodes {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCodes() {}

  public static boolean isValid(String code) {
    if (code == null || code.length() != WEIGHTS.length + 1) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, WEIGHTS.length)) == code.charAt(WEIGHTS.length);
  }

  /** The check character of the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    if (first17.length() != WEIGHTS.length) {
      throw new IllegalArgumentException("17 characters expected: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** The 17 characters given, followed by their check character. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }

  /**
   * An enterprise (registration authority 9, industry and commerce; type 1, an enterprise)
   * registered in the county, its nine-character organisation code told apart by whoever makes it.
   */
  public static String enterprise(String county, String organisation) {
    return complete("91" + county + organisation);
  }
}
