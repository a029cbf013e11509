package io.huoshui.matching.domain;

import io.huoshui.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Escalation by level of a RED match (逐级督办): first to the financial office of the match's own tier
 * (a county bank's match to the county's office), then, while the case is neither answered nor
 * closed, to the city's office a number of working days after it turned RED, and as long again
 * later to the province's. The calendar is passed at each call, as for the colours.
 */
public final class Escalation {

  private Escalation() {}

  /** The day the match turns RED at its running stage. */
  public static LocalDate redOn(WorkingCalendar calendar, LocalDate deadline) {
    return calendar.plusWorkingDays(deadline, Supervision.RED_AFTER_DEADLINE);
  }

  /**
   * The levels whose offices a RED match is due to reach by the day and has not reached yet, in
   * order.
   *
   * @param first the level it goes to first: the match's tier
   * @param reached the level it has reached, null before its first
   * @param workingDays the working days between two levels
   */
  public static List<Tier> due(
      WorkingCalendar calendar,
      LocalDate deadline,
      Tier first,
      Tier reached,
      int workingDays,
      LocalDate today) {
    List<Tier> due = new ArrayList<>();
    LocalDate red = redOn(calendar, deadline);
    for (Tier level : Tier.values()) {
      if (level.compareTo(first) < 0 || reached != null && level.compareTo(reached) <= 0) {
        continue;
      }
      if (today.isBefore(dueOn(calendar, red, first, level, workingDays))) {
        break;
      }
      due.add(level);
    }
    return due;
  }

  /** When the level after {@code reached} is due; null when the province's office has it. */
  public static LocalDate nextOn(
      WorkingCalendar calendar, LocalDate deadline, Tier first, Tier reached, int workingDays) {
    if (reached == Tier.PROVINCE) {
      return null;
    }
    Tier next = Tier.values()[reached.ordinal() + 1];
    return dueOn(calendar, redOn(calendar, deadline), first, next, workingDays);
  }

  private static LocalDate dueOn(
      WorkingCalendar calendar, LocalDate red, Tier first, Tier level, int workingDays) {
    return calendar.plusWorkingDays(red, (level.ordinal() - first.ordinal()) * workingDays);
  }
}
