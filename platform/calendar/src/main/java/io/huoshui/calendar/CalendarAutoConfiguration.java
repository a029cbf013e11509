package io.huoshui.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The network's time and its working days, once for every service: the clock every rule reads and
 * the calendar that counts its days, so that no service keeps a calendar or a clock of its own.
 * Every service that depends on the module counts on the shipped years from its start.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

  /**
   * The time every rule of the service reads. {@code huoshui.clock.offset} (an ISO-8601 duration,
   * e.g. {@code P10D}) shifts it, so that a rehearsal or a system test can run a process days ahead
   * — deadlines and supervision colours with it — without touching the machine's clock.
   */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(@Value("${huoshui.clock.offset:PT0S}") String shift) {
    // Parsed here rather than converted by the context, so that the clock needs no conversion
    // service: a bare context (a test's, a tool's) gets the same clock as a service.
    Duration offset = Duration.parse(shift.trim());
    return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
  }

  @Bean
  @ConditionalOnMissingBean
  CalendarHolder calendarHolder() {
    return new CalendarHolder(shippedCalendar());
  }

  static WorkingCalendar shippedCalendar() {
    return WorkingCalendar.of(shippedYears());
  }

  /** The years shipped with the release ({@link CalendarFiles#SHIPPED_PATTERN}), one file each. */
  public static List<CalendarYear> shippedYears() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources(CalendarFiles.SHIPPED_PATTERN);
      List<CalendarYear> years = new ArrayList<>();
      for (Resource file : files) {
        years.add(CalendarFiles.read(file.getInputStream()));
      }
      return List.copyOf(years);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
