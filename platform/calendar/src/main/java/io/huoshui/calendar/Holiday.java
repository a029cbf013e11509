package io.huoshui.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One public holiday as the notice states it: a name and its rest days, first to last. */
public record Holiday(String name, LocalDate first, LocalDate last) {

  public Holiday {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("假日须有名称 (a holiday needs a name)");
    }
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "假日 " + name + " 结束日早于开始日 (a holiday ends before it begins)");
    }
  }

  List<LocalDate> days() {
    return first.datesUntil(last.plusDays(1)).toList();
  }
}
