package io.huoshui.matching.domain;

import io.huoshui.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The three-colour schedule (三色督办) of a match whose bank owes an answer, counted in the network's
 * working days: at the deadline the match turns BLUE, two working days later YELLOW, four working
 * days later RED. The calendar is passed at each call, so that a year an operator corrects counts
 * from the next computation on.
 */
public final class Supervision {

  static final int YELLOW_AFTER_DEADLINE = 2;
  static final int RED_AFTER_DEADLINE = 4;

  private Supervision() {}

  /** The colour an unanswered match with this deadline has on the day; none before the deadline. */
  public static Optional<Colour> colourOn(
      WorkingCalendar calendar, LocalDate deadline, LocalDate today) {
    if (today.isBefore(deadline)) {
      return Optional.empty();
    }
    if (!today.isBefore(calendar.plusWorkingDays(deadline, RED_AFTER_DEADLINE))) {
      return Optional.of(Colour.RED);
    }
    if (!today.isBefore(calendar.plusWorkingDays(deadline, YELLOW_AFTER_DEADLINE))) {
      return Optional.of(Colour.YELLOW);
    }
    return Optional.of(Colour.BLUE);
  }
}
