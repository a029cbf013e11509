package io.huoshui.identity.calendar;

import io.huoshui.calendar.CalendarSource;
import io.huoshui.calendar.CalendarYear;
import io.huoshui.calendar.InvalidCalendarYearException;
import io.huoshui.identity.PrintableText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The working-day calendar (docs/calendar.md): every client reads the years the network counts on;
 * the network's administrator ({@code calendar:admin}) adds or corrects a year, which every service
 * applies without a restart.
 */
@RestController
@RequestMapping("/api/v1/calendar/years")
class CalendarController {

  private static final int MAX_URL = 2000;

  private final CalendarYears years;

  CalendarController(CalendarYears years) {
    this.years = years;
  }

  @GetMapping
  Mono<List<PublishedYear>> list() {
    return years.all();
  }

  @GetMapping("/{year}")
  Mono<PublishedYear> get(@PathVariable int year) {
    return years
        .find(year)
        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
  }

  /** The year in the shape of the shipped files; it replaces the year whole. */
  @PutMapping("/{year}")
  Mono<PublishedYear> publish(
      @AuthenticationPrincipal Jwt administrator,
      @PathVariable int year,
      @RequestBody CalendarYear calendar) {
    if (calendar.year() != year) {
      throw new InvalidCalendarYearException(
          "year",
          "年份 %d 与路径中的 %d 不符 (the year does not match the path)".formatted(calendar.year(), year));
    }
    requireWellFormed(calendar);
    return years.publish(calendar, administrator.getSubject());
  }

  /**
   * Beyond what a year itself checks: its texts are {@link PrintableText} like a client's name, and
   * the notice's address is a plain https address anyone can open: a host, no credentials.
   */
  private static void requireWellFormed(CalendarYear calendar) {
    for (int i = 0; i < calendar.holidays().size(); i++) {
      requirePrintable("holidays[" + i + "].name", calendar.holidays().get(i).name());
    }
    CalendarSource source = calendar.source();
    requirePrintable("source.title", source.title());
    requirePrintable("source.number", source.number());
    requireWebAddress(source.url());
  }

  private static void requireWebAddress(String url) {
    URI address = null;
    if (url.length() <= MAX_URL && PrintableText.isPrintable(url)) {
      try {
        address = new URI(url);
      } catch (URISyntaxException malformed) {
        address = null;
      }
    }
    if (address == null
        || !"https".equals(address.getScheme())
        || address.getHost() == null
        || address.getRawUserInfo() != null) {
      throw new InvalidCalendarYearException(
          "source.url",
          "须是不含账号口令、不超过 %d 个字符的 https 地址 (an https URL of at most %d characters, without credentials)"
              .formatted(MAX_URL, MAX_URL));
    }
  }

  private static void requirePrintable(String field, String text) {
    if (!PrintableText.isPrintable(text)) {
      throw new InvalidCalendarYearException(field, PrintableText.MESSAGE);
    }
  }
}
