package io.huoshui.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  /** National Day week: 1–7 October 2026 off (Thursday to Wednesday). */
  private static final Set<LocalDate> GOLDEN_WEEK =
      Set.of(
          LocalDate.of(2026, 10, 1),
          LocalDate.of(2026, 10, 2),
          LocalDate.of(2026, 10, 5),
          LocalDate.of(2026, 10, 6),
          LocalDate.of(2026, 10, 7));

  private final WorkingCalendar calendar = new WorkingCalendar(GOLDEN_WEEK);

  @Test
  void weekendsAndHolidaysAreSkipped() {
    LocalDate tuesday = LocalDate.of(2026, 9, 29);
    assertThat(calendar.plusWorkingDays(tuesday, 1)).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(calendar.plusWorkingDays(tuesday, 2)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 3))).isFalse();
    assertThat(calendar.workingDaysBetween(tuesday, LocalDate.of(2026, 10, 9))).isEqualTo(3);
  }

  @Test
  void theColourScheduleOfAMatchPushedBeforeAWeekendAndTheGoldenWeek() {
    // Pushed on Friday 25 September: three working days are Mon 28, Tue 29, Wed 30 September.
    LocalDate pushed = LocalDate.of(2026, 9, 25);
    LocalDate deadline = calendar.plusWorkingDays(pushed, 3);
    assertThat(deadline).isEqualTo(LocalDate.of(2026, 9, 30));

    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 9, 29))).isEmpty();
    assertThat(calendar.colourOn(deadline, deadline)).contains(Colour.BLUE);
    // The holiday week does not count: two working days after the deadline is Friday 9 October.
    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 10, 7))).contains(Colour.BLUE);
    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 10, 8))).contains(Colour.BLUE);
    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 10, 9))).contains(Colour.YELLOW);
    // Then the weekend of 10–11 October: four working days after the deadline is Tuesday 13.
    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 10, 12))).contains(Colour.YELLOW);
    assertThat(calendar.colourOn(deadline, LocalDate.of(2026, 10, 13))).contains(Colour.RED);
    assertThat(calendar.colourOn(deadline, LocalDate.of(2027, 1, 1)))
        .isEqualTo(Optional.of(Colour.RED));
  }
}
