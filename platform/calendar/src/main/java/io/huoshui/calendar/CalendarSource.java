package io.huoshui.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a year's holidays come from: the notice that fixed them, so that anyone reading a deadline
 * can check the day it was counted on.
 */
public record CalendarSource(String title, String number, LocalDate published, String url) {

  public CalendarSource {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("日历来源须写明通知标题 (a calendar source needs a title)");
    }
    Objects.requireNonNull(published, "published");
    if (url == null || !url.startsWith("https://")) {
      throw new IllegalArgumentException("日历来源须给出 https 地址 (a calendar source needs an https URL)");
    }
  }
}
