package io.huoshui.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every service that depends on the module counts on the shipped years from its start. */
@AutoConfiguration
public class CalendarAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CalendarHolder calendarHolder() {
    return new CalendarHolder(shippedCalendar());
  }

  static WorkingCalendar shippedCalendar() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources(CalendarFiles.SHIPPED_PATTERN);
      List<CalendarYear> years = new ArrayList<>();
      for (Resource file : files) {
        years.add(CalendarFiles.read(file.getInputStream()));
      }
      return WorkingCalendar.of(years);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
