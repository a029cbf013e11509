package io.huoshui.project.matchmaking;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The intentions signed at matchmaking events and not followed by an approval in time, counted
 * afresh now and then (a day's passing flags them, not an event the service hears), by the event's
 * region and their colour: both small, closed sets, never ids or names.
 */
@Component
class MatchmakingMetrics {

  private static final Logger log = LoggerFactory.getLogger(MatchmakingMetrics.class);

  private final MatchmakingEvents events;
  private final MultiGauge unfollowed;

  MatchmakingMetrics(MatchmakingEvents events, MeterRegistry meters) {
    this.events = events;
    this.unfollowed =
        MultiGauge.builder("huoshui.matchmaking.intentions.unfollowed")
            .description(
                "Intentions signed at matchmaking events not followed by the bank's approval by"
                    + " their due day")
            .register(meters);
  }

  /** Counts the flagged intentions now; a group no longer flagged leaves the gauge. */
  Mono<Void> count() {
    return events
        .flagged()
        .doOnNext(
            counts ->
                unfollowed.register(
                    counts.entrySet().stream()
                        .map(
                            group ->
                                MultiGauge.Row.of(
                                    Tags.of(
                                        "region",
                                        group.getKey().region(),
                                        "colour",
                                        group.getKey().colour()),
                                    group.getValue()))
                        .toList(),
                    true))
        .then();
  }

  @Scheduled(
      fixedDelayString = "${huoshui.matchmaking.metrics-refresh:1m}",
      initialDelayString = "${huoshui.matchmaking.metrics-refresh:1m}")
  void refresh() {
    count()
        .subscribe(
            null, error -> log.warn("Unfollowed intentions not counted: {}", error.toString()));
  }
}
