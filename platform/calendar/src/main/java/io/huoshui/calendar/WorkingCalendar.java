package io.huoshui.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The network's working days (docs/calendar.md). A weekday is a working day unless a loaded year
 * lists it as a public holiday; a weekend day is a rest day unless a loaded year lists it as a
 * make-up working day. A year that is not loaded counts weekends only, and {@link #loaded(int)}
 * says so, so that a deadline or an alert across it can tell its reader.
 *
 * <p>Immutable: {@link #withYear(CalendarYear)} returns a new calendar, so that a deadline being
 * computed never sees half of a replaced year.
 */
public final class WorkingCalendar {

  /** The zone in which the network's days begin and end. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Map<Integer, CalendarYear> years;
  private final Map<Integer, Set<LocalDate>> restDays;

  private WorkingCalendar(Map<Integer, CalendarYear> years) {
    this.years = Map.copyOf(years);
    Map<Integer, Set<LocalDate>> rest = new HashMap<>();
    years.forEach((year, calendarYear) -> rest.put(year, Set.copyOf(calendarYear.restDays())));
    this.restDays = Map.copyOf(rest);
  }

  /** A calendar of the given years; two entries for one year are refused. */
  public static WorkingCalendar of(Collection<CalendarYear> years) {
    Map<Integer, CalendarYear> byYear = new HashMap<>();
    for (CalendarYear year : years) {
      if (byYear.put(year.year(), year) != null) {
        throw new IllegalArgumentException(year.year() + " 年被加载两次 (a year loaded twice)");
      }
    }
    return new WorkingCalendar(byYear);
  }

  /** This calendar with the year added, or replacing the one loaded for it. */
  public WorkingCalendar withYear(CalendarYear year) {
    Map<Integer, CalendarYear> byYear = new HashMap<>(years);
    byYear.put(year.year(), year);
    return new WorkingCalendar(byYear);
  }

  /** Whether the holidays of the year are known; if not, the year counts weekends only. */
  public boolean loaded(int year) {
    return years.containsKey(year);
  }

  public Optional<CalendarYear> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  public SortedSet<Integer> loadedYears() {
    return new TreeSet<>(years.keySet());
  }

  public boolean isWorkingDay(LocalDate day) {
    CalendarYear year = years.get(day.getYear());
    if (year == null) {
      return !CalendarYear.isWeekend(day);
    }
    if (restDays.get(day.getYear()).contains(day)) {
      return false;
    }
    return !CalendarYear.isWeekend(day) || year.makeUpWorkingDays().contains(day);
  }

  /** The first working day after the given day (never the day itself). */
  public LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /**
   * The n-th working day after the given day, which itself does not count: Friday plus one is the
   * next Monday in an ordinary week. Zero gives the day itself.
   */
  public LocalDate plusWorkingDays(LocalDate day, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("工作日数不能为负 (working days must not be negative)");
    }
    LocalDate result = day;
    for (int i = 0; i < workingDays; i++) {
      result = nextWorkingDay(result);
    }
    return result;
  }

  /**
   * The working days after {@code from} up to and including {@code to}; negative when {@code to}
   * comes first, so that {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)} and {@code
   * workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * A deadline the given working days after an instant: the same time of day, in the network's
   * zone, on the n-th working day after the instant's day. Accepted on Wednesday 30 September 2026
   * at 15:00, three working days land on Saturday 10 October (a make-up working day) at 15:00,
   * Golden Week skipped.
   */
  public Instant deadline(Instant from, int workingDays) {
    ZonedDateTime start = from.atZone(ZONE);
    LocalDate day = plusWorkingDays(start.toLocalDate(), workingDays);
    return start.with(day).toInstant();
  }

  /** The working days elapsed between two instants, counted on their days in the network's zone. */
  public int workingDaysElapsed(Instant from, Instant to) {
    return workingDaysBetween(from.atZone(ZONE).toLocalDate(), to.atZone(ZONE).toLocalDate());
  }

  /** Whether every day between the two dates, both included, lies in a loaded year. */
  public boolean loadedThroughout(LocalDate from, LocalDate to) {
    LocalDate first = from.isBefore(to) ? from : to;
    LocalDate last = from.isBefore(to) ? to : from;
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      if (!loaded(year)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "WorkingCalendar" + new TreeMap<>(years).keySet();
  }
}
