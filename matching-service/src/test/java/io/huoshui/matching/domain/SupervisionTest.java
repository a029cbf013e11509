package io.huoshui.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.calendar.CalendarFiles;
import io.huoshui.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The supervision schedule on the network's calendar as it ships: in 2026 the Mid-Autumn Festival
 * is 25–27 September, National Day 1–7 October, and Saturday 10 October a make-up working day.
 */
class SupervisionTest {

  private final WorkingCalendar calendar =
      WorkingCalendar.of(
          List.of(CalendarFiles.read(getClass().getResourceAsStream("/calendar/cn-2026.json"))));

  @Test
  void aMatchPushedOnTheMidAutumnHolidayIsDueBeforeNationalDayAndTurnsRedOnTheMondayAfterIt() {
    LocalDate pushed = LocalDate.of(2026, 9, 25);
    // Saturday 26 and Sunday 27 are off: Monday 28, Tuesday 29, Wednesday 30 September.
    LocalDate deadline = calendar.plusWorkingDays(pushed, 3);
    assertThat(deadline).isEqualTo(LocalDate.of(2026, 9, 30));

    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 9, 29))).isEmpty();
    assertThat(Supervision.colourOn(calendar, deadline, deadline)).contains(Colour.BLUE);
    // 1–7 October do not count: two working days after the deadline is Friday 9 October.
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 7)))
        .contains(Colour.BLUE);
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 8)))
        .contains(Colour.BLUE);
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 9)))
        .contains(Colour.YELLOW);
    // The make-up Saturday counts, Sunday does not: four working days after it is Monday 12.
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 10)))
        .contains(Colour.YELLOW);
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 11)))
        .contains(Colour.YELLOW);
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2026, 10, 12)))
        .contains(Colour.RED);
    assertThat(Supervision.colourOn(calendar, deadline, LocalDate.of(2027, 1, 1)))
        .isEqualTo(Optional.of(Colour.RED));
  }

  @Test
  void aDeadlineSetOnTheEveOfNationalDaySkipsTheWeekAndCountsTheMakeUpSaturday() {
    LocalDate eve = LocalDate.of(2026, 9, 30);
    assertThat(calendar.plusWorkingDays(eve, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.plusWorkingDays(eve, 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    // Ten working days: 8, 9, 10 (Saturday), 12 … 16, 19, 20 October.
    assertThat(calendar.plusWorkingDays(eve, 10)).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 3))).isFalse();
  }
}
