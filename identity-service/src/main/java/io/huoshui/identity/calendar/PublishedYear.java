package io.huoshui.identity.calendar;

import io.huoshui.calendar.CalendarSource;
import io.huoshui.calendar.CalendarYear;
import io.huoshui.calendar.Holiday;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year as the network counts it: the shipped file, or the year the administrator published
 * instead ({@code publishedBy} and {@code publishedAt} then say who and when).
 */
record PublishedYear(
    int year,
    Origin origin,
    String publishedBy,
    Instant publishedAt,
    List<Holiday> holidays,
    List<LocalDate> makeUpWorkingDays,
    CalendarSource source) {

  enum Origin {
    SHIPPED,
    PUBLISHED
  }

  static PublishedYear shipped(CalendarYear year) {
    return new PublishedYear(
        year.year(),
        Origin.SHIPPED,
        null,
        null,
        year.holidays(),
        year.makeUpWorkingDays(),
        year.source());
  }

  static PublishedYear published(CalendarYear year, String by, Instant at) {
    return new PublishedYear(
        year.year(),
        Origin.PUBLISHED,
        by,
        at,
        year.holidays(),
        year.makeUpWorkingDays(),
        year.source());
  }
}
