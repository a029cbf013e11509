package io.huoshui.matching.application;

import io.huoshui.matching.domain.StoredDemand;
import io.huoshui.matching.persistence.DemandStore;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * This instance's share of the demands follows the consumer group's assignment of the {@code
 * huoshui.projects} partitions: a partition assigned brings its open demands into memory and has
 * them catch up with recent products; one revoked takes them out.
 */
@Component
public class Partitions {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final OpenDemands openDemands;
  private final DemandStore demands;
  private final ReverseMatching reverseMatching;
  private final MatchingProperties settings;

  Partitions(
      OpenDemands openDemands,
      DemandStore demands,
      ReverseMatching reverseMatching,
      MatchingProperties settings) {
    this.openDemands = openDemands;
    this.demands = demands;
    this.reverseMatching = reverseMatching;
    this.settings = settings;
  }

  /**
   * Loads the partition's open demands with room, waiting for them: it runs on the Kafka consumer's
   * own thread during the rebalance, which is not a reactive thread, and the partition's records
   * are not polled before it returns, so no decision about the partition meets a half-loaded index.
   * The catch-up then runs in the background.
   */
  public void assigned(int partition) {
    openDemands.assign(
        partition,
        demands
            .withRoom(List.of(partition), settings.banksPerDemand())
            .map(StoredDemand::demand)
            .collectList()
            .block(PATIENCE));
    reverseMatching.catchUp(partition);
  }

  public void revoked(int partition) {
    openDemands.revoke(partition);
  }
}
