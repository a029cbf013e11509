package io.huoshui.matching.application;

import io.huoshui.matching.persistence.MatchStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The three-colour supervision (三色督办), on the injected clock's day: every unanswered match past its
 * deadline, of the demands this instance owns, is turned to its colour (each turn announced), and a
 * RED one is released and the demand pushed to the next candidate. Then the open counts per colour
 * are published as a gauge.
 */
@Component
public class SupervisionSweep {

  private static final Logger log = LoggerFactory.getLogger(SupervisionSweep.class);
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private final MatchStore matches;
  private final OpenDemands openDemands;
  private final Matchmaking matchmaking;
  private final MatchingMetrics metrics;

  SupervisionSweep(
      MatchStore matches,
      OpenDemands openDemands,
      Matchmaking matchmaking,
      MatchingMetrics metrics) {
    this.matches = matches;
    this.openDemands = openDemands;
    this.matchmaking = matchmaking;
    this.metrics = metrics;
  }

  @Scheduled(
      fixedDelayString = "${huoshui.matching.sweep-interval:1m}",
      initialDelayString = "${huoshui.matching.sweep-interval:1m}")
  void scheduled() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("Supervision sweep failed; the next one retries: {}", e.toString());
    }
  }

  /** One sweep; the scheduler's thread waits for it, so that sweeps never overlap. */
  public void sweep() {
    if (!openDemands.owned().isEmpty()) {
      matches
          .overdue(openDemands.owned(), matchmaking.today())
          .concatMap(match -> matchmaking.supervise(match.projectId(), match.matchId()))
          .then()
          .block(PATIENCE);
    }
    matches.openByColour().doOnNext(metrics::openByColour).block(PATIENCE);
  }
}
