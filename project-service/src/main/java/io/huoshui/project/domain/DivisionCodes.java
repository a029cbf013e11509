package io.huoshui.project.domain;

import io.huoshui.service.web.ApiProblem;
import java.util.regex.Pattern;

/** The administrative division codes (行政区划代码) that name counties, cities and provinces. */
public final class DivisionCodes {

  private static final Pattern COUNTY = Pattern.compile("[0-9]{6}");
  private static final Pattern DIVISION = Pattern.compile("[0-9]{2}([0-9]{2}([0-9]{2})?)?");

  /** The refusal of a field that should name a county and does not. */
  public static ApiProblem notACounty(String field) {
    return ApiProblem.invalid(
        field,
        "必须是县的 6 位行政区划代码，例如 140428",
        "must be a county's 6-digit division code, such as 140428");
  }

  /** The refusal of a field that should name a division and does not. */
  public static ApiProblem notADivision(String field) {
    return ApiProblem.invalid(
        field, "必须是 2、4 或 6 位行政区划代码", "must be a division code of 2, 4 or 6 digits");
  }

  private DivisionCodes() {}

  public static boolean isCounty(String code) {
    return COUNTY.matcher(code).matches();
  }

  /** A province (2 digits), a city (4) or a county (6). */
  public static boolean isDivision(String code) {
    return code != null && DIVISION.matcher(code).matches();
  }
}
