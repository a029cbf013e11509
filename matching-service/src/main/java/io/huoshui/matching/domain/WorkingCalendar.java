package io.huoshui.matching.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Working days: Monday to Friday except the configured holidays; and the supervision schedule of a
 * pushed match counted in them. The bank owes a first answer by the deadline, a number of working
 * days after the push; at the deadline the match turns BLUE, two working days later YELLOW, four
 * working days later RED.
 */
public final class WorkingCalendar {

  static final int YELLOW_AFTER_DEADLINE = 2;
  static final int RED_AFTER_DEADLINE = 4;

  private final Set<LocalDate> holidays;

  public WorkingCalendar(Set<LocalDate> holidays) {
    this.holidays = Set.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  /** The working day that lies the given number of working days after the day. */
  public LocalDate plusWorkingDays(LocalDate day, int workingDays) {
    LocalDate result = day;
    for (int counted = 0; counted < workingDays; ) {
      result = result.plusDays(1);
      if (isWorkingDay(result)) {
        counted++;
      }
    }
    return result;
  }

  /** Working days from the first day to the second, 0 when the second is not later. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int days = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        days++;
      }
    }
    return days;
  }

  /** The colour an unanswered match with this deadline has on the day; none before the deadline. */
  public Optional<Colour> colourOn(LocalDate deadline, LocalDate today) {
    if (today.isBefore(deadline)) {
      return Optional.empty();
    }
    if (!today.isBefore(plusWorkingDays(deadline, RED_AFTER_DEADLINE))) {
      return Optional.of(Colour.RED);
    }
    if (!today.isBefore(plusWorkingDays(deadline, YELLOW_AFTER_DEADLINE))) {
      return Optional.of(Colour.YELLOW);
    }
    return Optional.of(Colour.BLUE);
  }
}
