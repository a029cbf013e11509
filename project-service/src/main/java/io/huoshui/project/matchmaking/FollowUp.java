package io.huoshui.project.matchmaking;

import io.huoshui.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a bank followed the intention it signed at an event with an approval of that demand in
 * time: by the due day, so many working days of the network's calendar after the event's day. An
 * intention still unapproved after its due day is flagged as an overdue match is supervised: YELLOW
 * once the due day has passed, RED once it is more than so many working days overdue.
 *
 * @param status FOLLOWED (approved by the due day), LATE (approved, after it), PENDING (not yet
 *     approved, the due day not passed), UNFOLLOWED (not approved, the due day passed)
 * @param colour YELLOW or RED for an UNFOLLOWED intention, null otherwise
 */
record FollowUp(LocalDate dueOn, String status, String colour) {

  static final String FOLLOWED = "FOLLOWED";
  static final String LATE = "LATE";
  static final String PENDING = "PENDING";
  static final String UNFOLLOWED = "UNFOLLOWED";

  /** The rule's two numbers of working days, as the service is set. */
  record Rule(int workingDays, int redAfterWorkingDays) {}

  /**
   * @param firstApproval the bank's first approval of the demand on or after the event's day, or
   *     null
   * @param today the day in China now
   */
  static FollowUp of(
      LocalDate heldOn,
      Instant firstApproval,
      LocalDate today,
      WorkingCalendar calendar,
      Rule rule) {
    LocalDate due = calendar.plusWorkingDays(heldOn, rule.workingDays());
    if (firstApproval != null) {
      LocalDate approvedOn = LocalDate.ofInstant(firstApproval, WorkingCalendar.ZONE);
      return new FollowUp(due, approvedOn.isAfter(due) ? LATE : FOLLOWED, null);
    }
    if (!today.isAfter(due)) {
      return new FollowUp(due, PENDING, null);
    }
    boolean red = calendar.workingDaysBetween(due, today) > rule.redAfterWorkingDays();
    return new FollowUp(due, UNFOLLOWED, red ? "RED" : "YELLOW");
  }

  boolean flagged() {
    return UNFOLLOWED.equals(status);
  }
}
