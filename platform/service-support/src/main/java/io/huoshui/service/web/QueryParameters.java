package io.huoshui.service.web;

import io.huoshui.service.web.ApiProblem.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The values of a list's filters, read by the same rules as a request body: a date or a date-time
 * within the years every store holds, an amount in its documented form ({@code 1e200000} is not
 * one), text without control characters. Each method takes the raw parameter
 * ({@code @RequestParam(required = false) String}) and answers null when it is absent, or refuses
 * it with a 400 naming the parameter.
 */
public final class QueryParameters {

  private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

  private QueryParameters() {}

  public static LocalDate date(String name, String value) {
    if (value == null) {
      return null;
    }
    Object day = StrictJson.dayOrRefusal(value);
    if (day instanceof Refusal refusal) {
      throw refused(name, refusal, "");
    }
    return (LocalDate) day;
  }

  /**
   * A date-time with its offset, as the API writes one ({@code 2026-11-01T08:00:00+08:00} or {@code
   * ...Z}), within the years a date may fall in.
   */
  public static OffsetDateTime dateTime(String name, String value) {
    if (value == null) {
      return null;
    }
    Object dateTime = StrictJson.dateTimeOrRefusal(value);
    if (dateTime instanceof Refusal refusal) {
      throw refused(name, refusal, "");
    }
    return (OffsetDateTime) dateTime;
  }

  /** {@link #dateTime} as the instant it names. */
  public static Instant instant(String name, String value) {
    OffsetDateTime dateTime = dateTime(name, value);
    return dateTime == null ? null : dateTime.toInstant();
  }

  /** An amount as the API writes money, between {@code min} and {@code max} inclusive. */
  public static BigDecimal amount(String name, String value, BigDecimal min, BigDecimal max) {
    if (value == null) {
      return null;
    }
    BigDecimal amount = StrictJson.decimalOrNull(value);
    if (amount == null) {
      throw refused(name, Refusal.NOT_MONEY, "");
    }
    if (amount.compareTo(min) < 0 || amount.compareTo(max) > 0) {
      throw refused(name, Refusal.OUT_OF_RANGE, "");
    }
    return amount;
  }

  public static String text(String name, String value) {
    if (value == null) {
      return null;
    }
    Refusal wrong = StrictJson.wrongIn(value, false);
    if (wrong != null) {
      throw refused(name, wrong, "");
    }
    return value;
  }

  /**
   * A whole number as digits only, between {@code min} and {@code max} inclusive: the framework's
   * own conversion would take {@code " 5"}, {@code "+5"}, {@code "-0"} and {@code "0x10"}.
   */
  public static Integer wholeNumber(String name, String value, int min, int max) {
    String digits = text(name, value);
    if (digits == null) {
      return null;
    }
    if (!WHOLE.matcher(digits).matches()) {
      throw refused(name, Refusal.NOT_AN_INTEGER, "");
    }
    int number = Integer.parseInt(digits);
    if (number < min || number > max) {
      throw refused(name, Refusal.OUT_OF_RANGE, "");
    }
    return number;
  }

  /**
   * {@code true} or {@code false}, exactly: the framework's own conversion also takes yes, on, 1.
   */
  public static Boolean trueOrFalse(String name, String value) {
    String word = text(name, value);
    if (word == null) {
      return null;
    }
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw refused(name, Refusal.NOT_A_BOOLEAN, "");
    };
  }

  /** One of an enum's constants by its exact name. */
  public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw refused(name, Refusal.NOT_ONE_OF, StrictJson.names(type));
  }

  static ApiProblem refused(String name, Refusal refusal, String argument) {
    return ApiProblem.refused(List.of(new Reason(name, refusal, argument)));
  }
}
