package io.huoshui.calendar;

import java.time.LocalDate;
import java.util.List;

/** One public holiday as the notice states it: a name and its rest days, first to last. */
public record Holiday(String name, LocalDate first, LocalDate last) {

  public Holiday {
    if (name == null || name.isBlank()) {
      throw new InvalidCalendarYearException("name", "假日须有名称 (a holiday needs a name)");
    }
    if (first == null) {
      throw new InvalidCalendarYearException("first", "须是日期 (a date)");
    }
    if (last == null) {
      throw new InvalidCalendarYearException("last", "须是日期 (a date)");
    }
    if (last.isBefore(first)) {
      throw new InvalidCalendarYearException(
          "last", "假日 " + name + " 结束日早于开始日 (a holiday ends before it begins)");
    }
  }

  List<LocalDate> days() {
    return first.datesUntil(last.plusDays(1)).toList();
  }
}
