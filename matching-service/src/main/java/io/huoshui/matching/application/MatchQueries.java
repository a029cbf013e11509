package io.huoshui.matching.application;

import io.huoshui.matching.domain.BoardFilter;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.DemandSummary;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.matching.persistence.SupervisionStore;
import io.huoshui.service.security.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
  private final SupervisionStore actions;

  MatchQueries(DemandStore demands, MatchStore matches, SupervisionStore actions) {
    this.demands = demands;
    this.matches = matches;
    this.actions = actions;
  }

  /**
   * A demand and all its matches, released ones included, in the order they were ranked, with what
   * the financial offices did about each (oldest first; none when nothing).
   */
  public record DemandMatches(
      DemandSummary demand, List<Match> matches, Map<UUID, List<SupervisionAction>> actions) {}

  /**
   * One page of the supervision board, what the offices did about each of its matches, and how many
   * matches the whole board holds.
   */
  public record BoardPage(
      List<Match> matches, Map<UUID, List<SupervisionAction>> actions, long total) {}

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
                    .flatMap(
                        list ->
                            actionsOf(list).map(acts -> new DemandMatches(demand, list, acts))));
  }

  /**
   * The matches whose clock runs in the counties under the operator's region (or their closed
   * supervision cases), oldest first, with the optional filters (null: any).
   */
  public Mono<BoardPage> board(
      Tenant operator,
      Colour colour,
      String county,
      String bank,
      boolean closed,
      long offset,
      int limit) {
    BoardFilter filter = new BoardFilter(operator.id(), colour, county, bank, closed);
    return matches
        .board(filter, offset, limit)
        .flatMap(page -> actionsOf(page).map(acts -> Map.entry(page, acts)))
        .zipWith(matches.boardSize(filter))
        .map(
            found ->
                new BoardPage(found.getT1().getKey(), found.getT1().getValue(), found.getT2()));
  }

  private Mono<Map<UUID, List<SupervisionAction>>> actionsOf(List<Match> shown) {
    List<UUID> cases = shown.stream().filter(Match::isCase).map(Match::matchId).toList();
    return actions
        .ofMatches(cases)
        .collect(Collectors.groupingBy(SupervisionAction::matchId, Collectors.toList()));
  }
}
