package io.huoshui.matching.application;

import io.huoshui.matching.domain.BankStanding;
import io.huoshui.matching.persistence.MatchStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The banks' standings the score reads, counted from their matches now and then rather than kept up
 * to date by every answer: a snapshot that changes slowly keeps the score of a demand independent
 * of the order in which instances happen to process demands, so two instances decide as one would.
 */
@Component
public class Standings {

  private static final Logger log = LoggerFactory.getLogger(Standings.class);

  private final MatchStore matches;
  private volatile Map<String, BankStanding> current = Map.of();

  Standings(MatchStore matches) {
    this.matches = matches;
  }

  public BankStanding of(String bankCode) {
    return current.getOrDefault(bankCode, BankStanding.NEW);
  }

  /** Reads the standings afresh; the start-up waits for it before any demand is matched. */
  public Mono<Void> reload() {
    return matches.standings().doOnNext(standings -> current = Map.copyOf(standings)).then();
  }

  @Scheduled(
      fixedDelayString = "${huoshui.matching.standings-refresh:5m}",
      initialDelayString = "${huoshui.matching.standings-refresh:5m}")
  void refresh() {
    reload()
        .subscribe(null, error -> log.warn("Bank standings not refreshed: {}", error.toString()));
  }
}
