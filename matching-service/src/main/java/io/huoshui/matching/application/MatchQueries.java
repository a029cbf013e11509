package io.huoshui.matching.application;

import io.huoshui.matching.domain.BoardFilter;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.DemandSummary;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.service.security.Tenant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the API shows of demands and their matches: a county sees its own demands, an operator those
 * of the counties under its region; a demand it may not see is not found, as a missing one.
 */
@Service
public class MatchQueries {

  private final DemandStore demands;
  private final MatchStore matches;

  MatchQueries(DemandStore demands, MatchStore matches) {
    this.demands = demands;
    this.matches = matches;
  }

  /** A demand and all its matches, released ones included, in the order they were ranked. */
  public record DemandMatches(DemandSummary demand, List<Match> matches) {}

  /** One page of the supervision board and how many matches the whole board holds. */
  public record BoardPage(List<Match> matches, long total) {}

  /** The demand with its matches; empty when it does not exist or the tenant may not see it. */
  public Mono<DemandMatches> ofDemand(UUID projectId, Tenant tenant) {
    return demands
        .summary(projectId)
        .filter(demand -> tenant.covers(demand.county()))
        .flatMap(
            demand ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .map(list -> new DemandMatches(demand, list)));
  }

  /**
   * The unanswered matches in the counties under the operator's region, oldest first, with the
   * optional filters (null: any).
   */
  public Mono<BoardPage> board(
      Tenant operator, Colour colour, String county, String bank, long offset, int limit) {
    BoardFilter filter = new BoardFilter(operator.id(), colour, county, bank);
    return matches
        .board(filter, offset, limit)
        .zipWith(matches.boardSize(filter))
        .map(found -> new BoardPage(found.getT1(), found.getT2()));
  }
}
