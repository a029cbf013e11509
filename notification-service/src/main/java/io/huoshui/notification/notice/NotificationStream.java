package io.huoshui.notification.notice;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live stream of an audience's notifications, resumable by sequence number.
 *
 * <p>It never switches from "replay" to "live": every wake-up (the start, a commit signal, a
 * periodic check) reads the table for what is numbered above the last one sent, one read at a time.
 * Because an audience's numbers become visible in order, that read neither skips nor repeats,
 * whether a notification committed before, during or after the replay.
 */
@Component
class NotificationStream {

  private static final int BATCH = 200;

  private final Notices notices;
  private final CommitSignalStore commits;
  private final Texts texts;
  private final Duration recheck;
  private final Duration keepAlive;

  NotificationStream(
      Notices notices,
      CommitSignalStore commits,
      Texts texts,
      @Value("${huoshui.notifications.stream.recheck:5s}") Duration recheck,
      @Value("${huoshui.notifications.stream.keep-alive:15s}") Duration keepAlive) {
    this.notices = notices;
    this.commits = commits;
    this.texts = texts;
    this.recheck = recheck;
    this.keepAlive = keepAlive;
  }

  /**
   * The audience's notifications numbered above {@code lastSeen}, then each new one as it commits;
   * without {@code lastSeen}, only those that commit from now on.
   */
  Flux<ServerSentEvent<RenderedNotification>> follow(
      Audience audience, Long lastSeen, Language language) {
    Mono<Long> start = lastSeen != null ? Mono.just(lastSeen) : notices.latestSeq(audience);
    // Sent once the starting point is read, before any notification: from this comment on the
    // client misses nothing, which is how it (and a test) knows that it is connected.
    ServerSentEvent<RenderedNotification> opening =
        ServerSentEvent.<RenderedNotification>builder().comment("connected").build();
    Flux<ServerSentEvent<RenderedNotification>> notifications =
        start.flatMapMany(
            from -> {
              AtomicLong cursor = new AtomicLong(from);
              // Subscribed before the first read: a commit during that read still wakes us.
              Flux<Object> wakeUps =
                  Flux.merge(
                      Flux.just(Boolean.TRUE),
                      commits.signals().filter(audience::equals),
                      Flux.interval(recheck));
              return wakeUps
                  .onBackpressureLatest()
                  .concatMap(wake -> unsent(audience, cursor), 1)
                  .map(
                      notification ->
                          ServerSentEvent.builder(texts.render(notification, language))
                              .id(Long.toString(notification.seq()))
                              .event(notification.kind().name())
                              .build())
                  .startWith(opening);
            });
    Flux<ServerSentEvent<RenderedNotification>> heartbeats =
        Flux.interval(keepAlive)
            .map(
                tick ->
                    ServerSentEvent.<RenderedNotification>builder().comment("keep-alive").build());
    return Flux.merge(notifications, heartbeats);
  }

  private Flux<Notification> unsent(Audience audience, AtomicLong cursor) {
    return notices
        .after(audience, cursor.get(), BATCH)
        .doOnNext(notification -> cursor.set(notification.seq()))
        .collectList()
        .flatMapMany(
            batch ->
                batch.size() < BATCH
                    ? Flux.fromIterable(batch)
                    : Flux.fromIterable(batch)
                        .concatWith(Flux.defer(() -> unsent(audience, cursor))));
  }
}
