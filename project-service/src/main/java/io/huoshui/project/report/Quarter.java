package io.huoshui.project.report;

import io.huoshui.service.web.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter as the review meets on it ({@code 2026-Q4}), bounded by midnight in China
 * Standard Time: a demand submitted at 07:00 on 1 October Beijing time belongs to Q4, although it
 * is still 30 September in UTC.
 */
record Quarter(int year, int number) {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

  static Quarter parse(String text) {
    Matcher matcher = text == null ? null : FORMAT.matcher(text);
    if (matcher == null || !matcher.matches()) {
      throw ApiProblem.invalid(
          "quarter", "必须是年份和季度，例如 2026-Q4", "must be a year and a quarter, e.g. 2026-Q4");
    }
    return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  LocalDate firstDay() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  /** The first day after the quarter. */
  LocalDate endDay() {
    return firstDay().plusMonths(3);
  }

  Instant start() {
    return firstDay().atStartOfDay(CHINA).toInstant();
  }

  Instant end() {
    return endDay().atStartOfDay(CHINA).toInstant();
  }

  @Override
  public String toString() {
    return year + "-Q" + number;
  }
}
