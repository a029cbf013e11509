package io.huoshui.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  static final WorkingCalendar SHIPPED = CalendarAutoConfiguration.shippedCalendar();

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void theShippedCalendarHas2026FromItsNoticeAndSays2027IsNotLoaded() {
    assertThat(SHIPPED.loadedYears()).containsExactly(2026);
    assertThat(SHIPPED.loaded(2026)).isTrue();
    assertThat(SHIPPED.loaded(2027)).isFalse();
    CalendarSource source = SHIPPED.year(2026).orElseThrow().source();
    assertThat(source.title()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(source.published()).isEqualTo(day("2025-11-04"));
  }

  @Test
  void tenWorkingDaysFromTheMondayBeforeNationalDayEndOnFriday16October() {
    LocalDate monday = day("2026-09-28");
    assertThat(SHIPPED.isWorkingDay(monday)).isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-09-29"))).isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-09-30"))).isTrue();
    day("2026-10-01")
        .datesUntil(day("2026-10-08"))
        .forEach(holiday -> assertThat(SHIPPED.isWorkingDay(holiday)).as("%s", holiday).isFalse());
    assertThat(SHIPPED.isWorkingDay(day("2026-10-10"))).as("Saturday worked").isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-10-11"))).as("Sunday").isFalse();

    // 9-29, 9-30, 10-8, 10-9, 10-10 (Saturday worked), 10-12 .. 10-16
    assertThat(SHIPPED.plusWorkingDays(monday, 10)).isEqualTo(day("2026-10-16"));
    assertThat(SHIPPED.plusWorkingDays(monday, 3)).isEqualTo(day("2026-10-08"));
    assertThat(SHIPPED.nextWorkingDay(day("2026-09-30"))).isEqualTo(day("2026-10-08"));
    assertThat(SHIPPED.workingDaysBetween(monday, day("2026-10-16"))).isEqualTo(10);
  }

  @Test
  void theSpringFestivalRestsNineDaysBetweenTwoSaturdaysWorked() {
    LocalDate friday = day("2026-02-13");
    assertThat(SHIPPED.nextWorkingDay(friday)).isEqualTo(day("2026-02-14"));
    assertThat(SHIPPED.plusWorkingDays(friday, 2)).isEqualTo(day("2026-02-24"));
    day("2026-02-15")
        .datesUntil(day("2026-02-24"))
        .forEach(holiday -> assertThat(SHIPPED.isWorkingDay(holiday)).as("%s", holiday).isFalse());
    // 2-14, 2-24 .. 2-27 and Saturday 2-28
    assertThat(SHIPPED.workingDaysBetween(friday, day("2026-02-28"))).isEqualTo(6);
    assertThat(SHIPPED.isWorkingDay(day("2026-03-01"))).isFalse();
  }

  @Test
  void aMakeUpSundayIsWorkedAndTheNewYearSaturdayRests() {
    assertThat(SHIPPED.isWorkingDay(day("2026-01-04"))).as("Sunday worked").isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-09-20"))).as("Sunday worked").isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-01-03"))).as("Saturday of 元旦").isFalse();
    assertThat(SHIPPED.nextWorkingDay(day("2025-12-31"))).isEqualTo(day("2026-01-04"));
    assertThat(SHIPPED.isWorkingDay(day("2026-01-10"))).as("an ordinary Saturday").isFalse();
  }

  @Test
  void anUnloadedYearCountsWeekendsOnlyAndSaysSo() {
    assertThat(SHIPPED.loaded(2027)).isFalse();
    assertThat(SHIPPED.isWorkingDay(day("2027-10-01"))).as("a Friday, holidays unknown").isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2027-10-02"))).isFalse();
    assertThat(SHIPPED.plusWorkingDays(day("2026-12-31"), 1)).isEqualTo(day("2027-01-01"));
    assertThat(SHIPPED.loadedThroughout(day("2026-12-01"), day("2026-12-31"))).isTrue();
    assertThat(SHIPPED.loadedThroughout(day("2026-12-28"), day("2027-01-08"))).isFalse();
  }

  @Test
  void aDeadlineKeepsTheTimeOfDayInShanghaiAndSkipsGoldenWeek() {
    Instant accepted = Instant.parse("2026-09-30T07:00:00Z"); // 15:00 in Shanghai
    assertThat(SHIPPED.deadline(accepted, 3)).isEqualTo(Instant.parse("2026-10-10T07:00:00Z"));
    // 23:30 UTC on 30 September is already 1 October in Shanghai
    Instant lateEvening = Instant.parse("2026-09-30T23:30:00Z");
    assertThat(SHIPPED.deadline(lateEvening, 1)).isEqualTo(Instant.parse("2026-10-07T23:30:00Z"));
    assertThat(SHIPPED.workingDaysElapsed(accepted, Instant.parse("2026-10-09T01:00:00Z")))
        .isEqualTo(2);
  }

  @Test
  void plusWorkingDaysAlwaysLandsOnAWorkingDayThatWorkingDaysBetweenCountsBack() {
    for (LocalDate start = day("2025-12-01");
        start.isBefore(day("2027-02-01"));
        start = start.plusDays(1)) {
      for (int n = 0; n <= 25; n++) {
        LocalDate end = SHIPPED.plusWorkingDays(start, n);
        if (n > 0) {
          assertThat(SHIPPED.isWorkingDay(end)).as("%s + %d = %s", start, n, end).isTrue();
        }
        assertThat(SHIPPED.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
      }
    }
  }

  @Test
  void workingDaysBetweenIsAntisymmetricAndAdditive() {
    Random random = new Random(14);
    LocalDate origin = day("2025-11-01");
    for (int i = 0; i < 2_000; i++) {
      LocalDate a = origin.plusDays(random.nextInt(500));
      LocalDate b = origin.plusDays(random.nextInt(500));
      LocalDate c = origin.plusDays(random.nextInt(500));
      assertThat(SHIPPED.workingDaysBetween(a, b)).isEqualTo(-SHIPPED.workingDaysBetween(b, a));
      assertThat(SHIPPED.workingDaysBetween(a, b) + SHIPPED.workingDaysBetween(b, c))
          .isEqualTo(SHIPPED.workingDaysBetween(a, c));
    }
    assertThat(SHIPPED.workingDaysBetween(day("2026-10-05"), day("2026-10-05"))).isZero();
  }

  @Test
  void aPublishedYearReplacesTheOldOneInANewCalendarOnly() {
    CalendarYear corrected =
        new CalendarYear(
            2026,
            List.of(new Holiday("国庆节", day("2026-10-01"), day("2026-10-08"))),
            List.of(),
            new CalendarSource("更正", "测试", day("2026-01-01"), "https://example.org/correction"));
    WorkingCalendar after = SHIPPED.withYear(corrected);
    assertThat(after.isWorkingDay(day("2026-10-08"))).isFalse();
    assertThat(after.isWorkingDay(day("2026-02-16"))).as("the year is replaced whole").isTrue();
    assertThat(SHIPPED.isWorkingDay(day("2026-10-08"))).as("unchanged").isTrue();

    CalendarHolder holder = new CalendarHolder(SHIPPED);
    holder.publish(corrected);
    assertThat(holder.current().year(2026)).contains(corrected);
  }

  @Test
  void twoEntriesForOneYearAreRefused() {
    CalendarYear year = SHIPPED.year(2026).orElseThrow();
    assertThatThrownBy(() -> WorkingCalendar.of(List.of(year, year)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026");
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> SHIPPED.plusWorkingDays(day("2026-01-05"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
