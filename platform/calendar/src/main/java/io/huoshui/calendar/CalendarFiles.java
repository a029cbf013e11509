package io.huoshui.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a year of the calendar in the shape of the shipped files (calendar/cn-2026.json) and of the
 * CalendarYearPublished event's data: one shape, so that an operator's correction is a file that
 * could have shipped.
 */
public final class CalendarFiles {

  /** Where the shipped years lie on the classpath, one file a year. */
  public static final String SHIPPED_PATTERN = "classpath*:calendar/cn-*.json";

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private CalendarFiles() {}

  public static CalendarYear read(InputStream json) {
    try (json) {
      return MAPPER.readValue(json, CalendarYear.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "日历年份数据无效 (an invalid calendar year): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CalendarYear read(String json) {
    try {
      return MAPPER.readValue(json, CalendarYear.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "日历年份数据无效 (an invalid calendar year): " + e.getMessage(), e);
    }
  }

  public static String write(CalendarYear year) {
    return MAPPER.writeValueAsString(year);
  }
}
