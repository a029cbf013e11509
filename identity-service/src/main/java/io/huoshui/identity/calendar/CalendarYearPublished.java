package io.huoshui.identity.calendar;

import io.huoshui.calendar.CalendarYear;
import java.time.Instant;

/** The payload of CalendarYearPublished.v1 (schemas/CalendarYearPublished.v1.json). */
record CalendarYearPublished(CalendarYear calendar, String publishedBy, Instant publishedAt) {}
