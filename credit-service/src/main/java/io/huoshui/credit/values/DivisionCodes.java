package io.huoshui.credit.values;

import java.util.regex.Pattern;

/**
 * Administrative division codes: 2 digits a province, 4 a city, 6 a county; each level extends the
 * one above (14 ⊃ 1404 ⊃ 140428), so a region covers every code that starts with its own.
 */
public final class DivisionCodes {

  /** A province, city or county code, as Bean Validation's {@code @Pattern} takes it. */
  public static final String REGION = "^\\d{2}(\\d{2}(\\d{2})?)?$";

  /** A county code. */
  public static final String COUNTY = "^\\d{6}$";

  private static final Pattern REGION_PATTERN = Pattern.compile(REGION);

  private DivisionCodes() {}

  public static boolean isRegion(String code) {
    return code != null && REGION_PATTERN.matcher(code).matches();
  }
}
