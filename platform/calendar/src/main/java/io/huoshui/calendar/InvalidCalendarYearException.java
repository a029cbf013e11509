package io.huoshui.calendar;

/**
 * A year refused because part of it is wrong, naming that part as a path within the year's JSON
 * ({@code holidays[2].last}, {@code makeUpWorkingDays[0]}), so that an API can tell its caller
 * which member to correct.
 */
public final class InvalidCalendarYearException extends IllegalArgumentException {

  private final String field;

  public InvalidCalendarYearException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The member at fault, relative to the object that refused it. */
  public String field() {
    return field;
  }
}
