package io.huoshui.project.domain;

import java.util.regex.Pattern;

/** The administrative division codes (行政区划代码) that name counties. */
public final class DivisionCodes {

  private static final Pattern COUNTY = Pattern.compile("[0-9]{6}");

  /** What a county filter must say, Chinese first, when it names no county. */
  public static final String NOT_A_COUNTY =
      "必须是县的 6 位行政区划代码，例如 140428 / must be a county's 6-digit division code, such as" + " 140428";

  private DivisionCodes() {}

  public static boolean isCounty(String code) {
    return COUNTY.matcher(code).matches();
  }
}
