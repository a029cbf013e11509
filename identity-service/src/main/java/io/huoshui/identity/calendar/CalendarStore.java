package io.huoshui.identity.calendar;

import io.huoshui.calendar.CalendarFiles;
import io.huoshui.calendar.CalendarYear;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The published years, over R2DBC, so that a year and its event commit in one transaction with the
 * eventing platform's outbox (the rest of identity-service reads its database over JDBC).
 */
@Component
class CalendarStore {

  private final DatabaseClient database;

  CalendarStore(DatabaseClient database) {
    this.database = database;
  }

  Mono<Void> save(CalendarYear year, String publishedBy, Instant publishedAt) {
    return database
        .sql(
            """
            INSERT INTO calendar_year (year, calendar, published_by, published_at)
            VALUES (:year, CAST(:calendar AS jsonb), :by, :at)
            ON CONFLICT (year) DO UPDATE
               SET calendar = EXCLUDED.calendar, published_by = EXCLUDED.published_by,
                   published_at = EXCLUDED.published_at
            """)
        .bind("year", year.year())
        .bind("calendar", CalendarFiles.write(year))
        .bind("by", publishedBy)
        .bind("at", publishedAt.atOffset(ZoneOffset.UTC))
        .then();
  }

  Flux<PublishedYear> findAll() {
    return database
        .sql(
            "SELECT calendar::text AS calendar, published_by, published_at FROM calendar_year"
                + " ORDER BY year")
        .map(
            row ->
                PublishedYear.published(
                    CalendarFiles.read(row.get("calendar", String.class)),
                    row.get("published_by", String.class),
                    row.get("published_at", OffsetDateTime.class).toInstant()))
        .all();
  }
}
