package io.huoshui.calendar;

import java.time.LocalDate;

/**
 * Where a year's holidays come from: the notice that fixed them, so that anyone reading a deadline
 * can check the day it was counted on.
 */
public record CalendarSource(String title, String number, LocalDate published, String url) {

  public CalendarSource {
    if (title == null || title.isBlank()) {
      throw new InvalidCalendarYearException(
          "title", "日历来源须写明通知标题 (a calendar source needs a title)");
    }
    if (number == null) {
      throw new InvalidCalendarYearException(
          "number", "日历来源须写明文号 (a calendar source needs the notice's number)");
    }
    if (published == null) {
      throw new InvalidCalendarYearException("published", "须是日期 (a date)");
    }
    if (url == null || !url.startsWith("https://")) {
      throw new InvalidCalendarYearException(
          "url", "日历来源须给出 https 地址 (a calendar source needs an https URL)");
    }
  }
}
