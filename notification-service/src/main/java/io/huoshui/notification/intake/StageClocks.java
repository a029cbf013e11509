package io.huoshui.notification.intake;

import io.huoshui.calendar.CalendarHolder;
import io.huoshui.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The deadline of a later stage, counted as matching-service counts it (docs/matching.md): the
 * stage's working days on the network's calendar from the day of the answer that started it, in
 * China's time. The working days are those the match announced, fixed at its push; for a match
 * announced without them, the network's defaults, the same settings' values as matching's.
 */
@Component
class StageClocks {

  private final CalendarHolder calendar;
  private final int decisionWorkingDays;
  private final int disbursementWorkingDays;

  StageClocks(
      CalendarHolder calendar,
      @Value("${huoshui.notifications.deadlines.decision-working-days:10}") int decisionWorkingDays,
      @Value("${huoshui.notifications.deadlines.disbursement-working-days:10}")
          int disbursementWorkingDays) {
    this.calendar = calendar;
    this.decisionWorkingDays = decisionWorkingDays;
    this.disbursementWorkingDays = disbursementWorkingDays;
  }

  /**
   * @param announced the working days the match announced for the stage, null for the default
   */
  LocalDate deadline(Stage stage, Instant answeredAt, Integer announced) {
    int days =
        announced != null
            ? announced
            : switch (stage) {
              case DECISION -> decisionWorkingDays;
              case DISBURSEMENT -> disbursementWorkingDays;
              case FIRST_ANSWER ->
                  throw new IllegalArgumentException(
                      "the first answer's deadline comes with the match");
            };
    // The calendar as it stands now: a year published since counts from this answer on.
    return calendar
        .current()
        .plusWorkingDays(LocalDate.ofInstant(answeredAt, WorkingCalendar.ZONE), days);
  }
}
