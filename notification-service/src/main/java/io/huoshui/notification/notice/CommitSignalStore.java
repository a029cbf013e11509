package io.huoshui.notification.notice;

import io.huoshui.service.security.TenantType;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Hears, over PostgreSQL LISTEN, which audiences have new committed notifications: written by this
 * process or any other replica. A signal says only "look again"; what is new is always read from
 * the table, so a lost or late signal delays a stream but never makes it skip or repeat.
 */
@Component
class CommitSignalStore implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CommitSignalStore.class);

  private final ConnectionFactory connections;
  private final Sinks.Many<Audience> signals = Sinks.many().multicast().directBestEffort();
  private volatile Disposable listening;

  CommitSignalStore(ConnectionFactory connections) {
    // A connection of its own, outside the pool: it listens for as long as the process runs.
    this.connections =
        connections instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory raw
            ? raw
            : connections;
  }

  /** The audiences of notifications committed from now on; hot, never completes. */
  Flux<Audience> signals() {
    return signals.asFlux();
  }

  @Override
  public void start() {
    listening =
        Flux.usingWhen(Mono.from(connections.create()), this::listen, Connection::close)
            .retryWhen(
                Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                    .maxBackoff(Duration.ofSeconds(10))
                    .doBeforeRetry(
                        retry ->
                            log.warn(
                                "LISTEN {} lost, reconnecting: {}",
                                NoticeStore.CHANNEL,
                                retry.failure().toString())))
            .subscribe(signals::tryEmitNext);
  }

  private Flux<Audience> listen(Connection opened) {
    PostgresqlConnection connection = unwrap(opened);
    return connection
        .createStatement("LISTEN " + NoticeStore.CHANNEL)
        .execute()
        .flatMap(PostgresqlResult::getRowsUpdated)
        .thenMany(connection.getNotifications())
        .mapNotNull(notification -> parse(notification.getParameter()));
  }

  private static PostgresqlConnection unwrap(Connection connection) {
    Object current = connection;
    while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
      current = wrapped.unwrap();
    }
    if (current instanceof PostgresqlConnection postgres) {
      return postgres;
    }
    throw new IllegalStateException("not a PostgreSQL R2DBC connection: " + connection);
  }

  private static Audience parse(String payload) {
    int colon = payload == null ? -1 : payload.indexOf(':');
    if (colon < 0) {
      return null;
    }
    return new Audience(
        TenantType.valueOf(payload.substring(0, colon)), payload.substring(colon + 1));
  }

  @Override
  public void stop() {
    Disposable current = listening;
    if (current != null) {
      current.dispose();
    }
  }

  @Override
  public boolean isRunning() {
    Disposable current = listening;
    return current != null && !current.isDisposed();
  }
}
