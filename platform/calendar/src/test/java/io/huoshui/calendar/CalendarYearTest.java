package io.huoshui.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

  static final CalendarSource SOURCE =
      new CalendarSource(
          "测试通知", "测试〔2026〕1号", LocalDate.parse("2026-01-01"), "https://example.org");

  static CalendarYear year(List<Holiday> holidays, List<LocalDate> makeUp) {
    return new CalendarYear(2026, holidays, makeUp, SOURCE);
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void aMakeUpWorkingDayMustBeAWeekendDay() {
    assertThatThrownBy(() -> year(List.of(), List.of(day("2026-10-09"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-10-09")
        .hasMessageContaining("周末");
  }

  @Test
  void aHolidayDayListedTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                year(
                    List.of(
                        new Holiday("中秋节", day("2026-09-25"), day("2026-09-27")),
                        new Holiday("国庆节", day("2026-09-27"), day("2026-10-07"))),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-09-27");
  }

  @Test
  void aMakeUpDayListedTwiceOrAlsoAHolidayIsRefused() {
    assertThatThrownBy(() -> year(List.of(), List.of(day("2026-10-10"), day("2026-10-10"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                year(
                    List.of(new Holiday("国庆节", day("2026-10-01"), day("2026-10-10"))),
                    List.of(day("2026-10-10"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("既是假日又是调休上班日");
  }

  @Test
  void datesOutsideTheYearAreRefused() {
    assertThatThrownBy(
            () -> year(List.of(new Holiday("元旦", day("2025-12-31"), day("2026-01-01"))), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-12-31");
    assertThatThrownBy(() -> year(List.of(), List.of(day("2027-01-02"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHolidayEndingBeforeItBeginsOrASourceWithoutAnAddressIsRefused() {
    assertThatThrownBy(() -> new Holiday("端午节", day("2026-06-21"), day("2026-06-19")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalendarSource("通知", "1", day("2026-01-01"), "http://x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRefusalNamesTheMemberAtFault() {
    assertThatThrownBy(
            () ->
                year(
                    List.of(
                        new Holiday("元旦", day("2026-01-01"), day("2026-01-03")),
                        new Holiday("国庆节", day("2026-10-01"), day("2026-10-10"))),
                    List.of(day("2026-01-04"), day("2026-10-10"))))
        .isInstanceOfSatisfying(
            InvalidCalendarYearException.class,
            refused -> assertThat(refused.field()).isEqualTo("makeUpWorkingDays[1]"));
    assertThatThrownBy(
            () -> year(List.of(new Holiday("元旦", day("2025-12-31"), day("2026-01-01"))), List.of()))
        .isInstanceOfSatisfying(
            InvalidCalendarYearException.class,
            refused -> assertThat(refused.field()).isEqualTo("holidays[0].first"));
    assertThatThrownBy(() -> new CalendarYear(1999, List.of(), List.of(), SOURCE))
        .isInstanceOfSatisfying(
            InvalidCalendarYearException.class,
            refused -> assertThat(refused.field()).isEqualTo("year"));
    assertThatThrownBy(() -> new Holiday("端午节", day("2026-06-21"), day("2026-06-19")))
        .isInstanceOfSatisfying(
            InvalidCalendarYearException.class,
            refused -> assertThat(refused.field()).isEqualTo("last"));
  }

  @Test
  void aFileIsReadStrictlyAndWrittenBackTheSame() {
    CalendarYear shipped = WorkingCalendarTest.SHIPPED.year(2026).orElseThrow();
    assertThat(CalendarFiles.read(CalendarFiles.write(shipped))).isEqualTo(shipped);
    assertThat(shipped.holidays()).hasSize(7);
    assertThat(shipped.makeUpWorkingDays()).hasSize(6);

    String misspelt = CalendarFiles.write(shipped).replace("makeUpWorkingDays", "makeupDays");
    assertThatThrownBy(() -> CalendarFiles.read(misspelt))
        .isInstanceOf(IllegalArgumentException.class);
    String weekdayWorked = CalendarFiles.write(shipped).replace("2026-10-10", "2026-10-09");
    assertThatThrownBy(() -> CalendarFiles.read(weekdayWorked))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("周末");
  }
}
