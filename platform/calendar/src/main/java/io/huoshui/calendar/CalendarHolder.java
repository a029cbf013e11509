package io.huoshui.calendar;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The calendar a service counts on now. Read {@link #current()} for each computation rather than
 * keeping the result, so that a year an operator publishes counts from the next deadline on,
 * without a restart.
 */
public final class CalendarHolder {

  private final AtomicReference<WorkingCalendar> current;

  public CalendarHolder(WorkingCalendar initial) {
    this.current = new AtomicReference<>(initial);
  }

  public WorkingCalendar current() {
    return current.get();
  }

  /** Adds or replaces one year; the year was validated when it was built. */
  public WorkingCalendar publish(CalendarYear year) {
    return current.updateAndGet(calendar -> calendar.withYear(year));
  }
}
