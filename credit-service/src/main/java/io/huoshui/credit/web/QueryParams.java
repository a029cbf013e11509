package io.huoshui.credit.web;

import io.huoshui.credit.values.DivisionCodes;
import io.huoshui.service.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters read by hand, so that a bad one answers a 400 that names it (the framework's own
 * conversion errors do not).
 */
public final class QueryParams {

  private QueryParams() {}

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw ApiProblem.invalid(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  public static String region(String name, String value) {
    if (value != null && !DivisionCodes.isRegion(value)) {
      throw ApiProblem.invalid(
          name, "must be a province, city or county division code (2, 4 or 6 digits)");
    }
    return value;
  }

  public static BigDecimal amount(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value);
      if (amount.signum() > 0 && amount.scale() <= 2) {
        return amount;
      }
    } catch (NumberFormatException notANumber) {
      // answered below like any other amount that is not one
    }
    throw ApiProblem.invalid(name, "must be a positive amount with at most two decimals");
  }

  public static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      throw ApiProblem.invalid(name, "must be a date such as 2026-11-25");
    }
  }
}
