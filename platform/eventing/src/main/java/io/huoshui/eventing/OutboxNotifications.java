package io.huoshui.eventing;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Outbox writes of other processes on the same database, as PostgreSQL announces them: a trigger on
 * the outbox notifies {@link #CHANNEL} when an inserting transaction commits, naming the writer's
 * application name. Another replica's relay learns of events it must publish when the replica
 * holding the relay lock goes away; this process's own writes it already knows of, so it skips
 * those. One connection of its own, outside the pool (a listening connection is never returned),
 * re-established after a database restart.
 */
final class OutboxNotifications {

  static final String CHANNEL = "huoshui_outbox";

  private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  private final PostgresqlConnectionFactory postgres;
  private final String ownApplicationName;

  private OutboxNotifications(PostgresqlConnectionFactory postgres, String ownApplicationName) {
    this.postgres = postgres;
    this.ownApplicationName = ownApplicationName;
  }

  /** Empty when the connection factory is not PostgreSQL's (then the fallback poll alone runs). */
  static Optional<OutboxNotifications> of(ConnectionFactory factory, String ownApplicationName) {
    Object candidate = factory;
    while (!(candidate instanceof PostgresqlConnectionFactory) && candidate instanceof Wrapped<?>) {
      Object inner = ((Wrapped<?>) candidate).unwrap();
      if (inner == candidate) {
        break;
      }
      candidate = inner;
    }
    return candidate instanceof PostgresqlConnectionFactory postgres
        ? Optional.of(new OutboxNotifications(postgres, ownApplicationName))
        : Optional.empty();
  }

  /** Every commit of another process's outbox write, for as long as it is subscribed. */
  Flux<String> othersCommitted() {
    return Flux.usingWhen(
            Mono.from(postgres.create()),
            connection ->
                connection
                    .createStatement("LISTEN " + CHANNEL)
                    .execute()
                    .flatMap(result -> result.getRowsUpdated())
                    .thenMany(connection.getNotifications())
                    .map(notification -> String.valueOf(notification.getParameter()))
                    .filter(writer -> !writer.equals(ownApplicationName))
                    // A closed connection ends the notifications: start over.
                    .concatWith(
                        Mono.error(new IllegalStateException("listening connection closed"))),
            PostgresqlConnection::close)
        .retryWhen(
            Retry.backoff(Long.MAX_VALUE, FIRST_RETRY)
                .maxBackoff(LONGEST_RETRY)
                .doBeforeRetry(
                    signal ->
                        log.debug(
                            "Listening for outbox commits failed, retrying: {}",
                            signal.failure().toString())));
  }
}
