package io.huoshui.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the network's calendar: the public holidays (rest days) and the make-up working days
 * (调休上班, weekend days worked in exchange), with the notice they come from. Refused whole when any
 * of it contradicts itself, so that a mistyped year never half-replaces a good one.
 */
public record CalendarYear(
    int year, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays, CalendarSource source) {

  public CalendarYear {
    Objects.requireNonNull(source, "source");
    holidays = List.copyOf(Objects.requireNonNull(holidays, "holidays"));
    makeUpWorkingDays = List.copyOf(Objects.requireNonNull(makeUpWorkingDays, "makeUpWorkingDays"));
    Set<LocalDate> rest = new HashSet<>();
    for (Holiday holiday : holidays) {
      for (LocalDate day : holiday.days()) {
        requireInYear(year, day);
        if (!rest.add(day)) {
          throw new IllegalArgumentException(
              day + " 被列为假日两次 (a holiday listed twice): " + holiday.name());
        }
      }
    }
    Set<LocalDate> worked = new HashSet<>();
    for (LocalDate day : makeUpWorkingDays) {
      requireInYear(year, day);
      if (!isWeekend(day)) {
        throw new IllegalArgumentException(
            day + " 不是周末, 不能作调休上班日 (a make-up working day must be a weekend day)");
      }
      if (!worked.add(day)) {
        throw new IllegalArgumentException(
            day + " 被列为调休上班日两次 (a make-up working day listed twice)");
      }
      if (rest.contains(day)) {
        throw new IllegalArgumentException(
            day + " 既是假日又是调休上班日 (a day both a holiday and a make-up working day)");
      }
    }
  }

  Set<LocalDate> restDays() {
    Set<LocalDate> rest = new HashSet<>();
    holidays.forEach(holiday -> rest.addAll(holiday.days()));
    return rest;
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
  }

  private static void requireInYear(int year, LocalDate day) {
    Objects.requireNonNull(day, "day");
    if (day.getYear() != year) {
      throw new IllegalArgumentException(
          day + " 不在 " + year + " 年内 (a date outside the year it is listed for)");
    }
  }
}
