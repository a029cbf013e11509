package io.huoshui.identity.calendar;

import io.huoshui.calendar.CalendarAutoConfiguration;
import io.huoshui.calendar.CalendarYear;
import io.huoshui.eventing.Outbox;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The network's calendar as identity-service keeps it: the shipped years, each replaced by the one
 * the administrator published, which is stored and announced on {@link Topics#CALENDAR} in one
 * transaction, so that every service hears of exactly the years that were stored.
 */
@Service
class CalendarYears {

  private final CalendarStore store;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final List<CalendarYear> shipped = CalendarAutoConfiguration.shippedYears();

  CalendarYears(
      CalendarStore store, Outbox outbox, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<PublishedYear> publish(CalendarYear year, String publishedBy) {
    Instant now = clock.instant();
    CalendarYearPublished event = new CalendarYearPublished(year, publishedBy, now);
    return store
        .save(year, publishedBy, now)
        .then(
            outbox.append(
                Topics.CALENDAR,
                EventTypes.CALENDAR_YEAR_PUBLISHED,
                String.valueOf(year.year()),
                event,
                EventTypes.schemaOf(EventTypes.CALENDAR_YEAR_PUBLISHED)))
        .as(transaction::transactional)
        .thenReturn(PublishedYear.published(year, publishedBy, now));
  }

  /** Every year the network counts on, by year. */
  Mono<List<PublishedYear>> all() {
    return store
        .findAll()
        .collectList()
        .map(
            published -> {
              Map<Integer, PublishedYear> years = new TreeMap<>();
              shipped.forEach(year -> years.put(year.year(), PublishedYear.shipped(year)));
              published.forEach(year -> years.put(year.year(), year));
              return List.copyOf(years.values());
            });
  }

  Mono<PublishedYear> find(int year) {
    return all()
        .flatMapIterable(years -> years)
        .filter(candidate -> candidate.year() == year)
        .next();
  }
}
