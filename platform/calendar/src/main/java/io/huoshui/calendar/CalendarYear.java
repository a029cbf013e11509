package io.huoshui.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One year of the network's calendar: the public holidays (rest days) and the make-up working days
 * (调休上班, weekend days worked in exchange), with the notice they come from. Refused whole when any
 * of it contradicts itself, so that a mistyped year never half-replaces a good one.
 */
public record CalendarYear(
    int year, List<Holiday> holidays, List<LocalDate> makeUpWorkingDays, CalendarSource source) {

  /** The years a notice may be for, as the event's schema states them. */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2999;

  public CalendarYear {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidCalendarYearException(
          "year", year + " 不是 2000 至 2999 之间的年份 (a year from 2000 to 2999)");
    }
    if (source == null) {
      throw new InvalidCalendarYearException("source", "须写明来源 (a year needs its source)");
    }
    if (holidays == null) {
      throw new InvalidCalendarYearException("holidays", "须列出假日 (a year lists its holidays)");
    }
    if (makeUpWorkingDays == null) {
      throw new InvalidCalendarYearException(
          "makeUpWorkingDays", "须列出调休上班日 (a year lists its make-up working days)");
    }
    Set<LocalDate> rest = new HashSet<>();
    for (int i = 0; i < holidays.size(); i++) {
      Holiday holiday = holidays.get(i);
      String field = "holidays[" + i + "]";
      if (holiday == null) {
        throw new InvalidCalendarYearException(field, "须是假日 (a holiday)");
      }
      requireInYear(year, holiday.first(), field + ".first");
      requireInYear(year, holiday.last(), field + ".last");
      for (LocalDate day : holiday.days()) {
        if (!rest.add(day)) {
          throw new InvalidCalendarYearException(
              field, day + " 被列为假日两次 (a holiday listed twice): " + holiday.name());
        }
      }
    }
    Set<LocalDate> worked = new HashSet<>();
    for (int i = 0; i < makeUpWorkingDays.size(); i++) {
      LocalDate day = makeUpWorkingDays.get(i);
      String field = "makeUpWorkingDays[" + i + "]";
      if (day == null) {
        throw new InvalidCalendarYearException(field, "须是日期 (a date)");
      }
      requireInYear(year, day, field);
      if (!isWeekend(day)) {
        throw new InvalidCalendarYearException(
            field, day + " 不是周末, 不能作调休上班日 (a make-up working day must be a weekend day)");
      }
      if (!worked.add(day)) {
        throw new InvalidCalendarYearException(
            field, day + " 被列为调休上班日两次 (a make-up working day listed twice)");
      }
      if (rest.contains(day)) {
        throw new InvalidCalendarYearException(
            field, day + " 既是假日又是调休上班日 (a day both a holiday and a make-up working day)");
      }
    }
    holidays = List.copyOf(holidays);
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
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

  private static void requireInYear(int year, LocalDate day, String field) {
    if (day.getYear() != year) {
      throw new InvalidCalendarYearException(
          field, day + " 不在 " + year + " 年内 (a date outside the year it is listed for)");
    }
  }
}
