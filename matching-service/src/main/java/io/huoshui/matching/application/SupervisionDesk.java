package io.huoshui.matching.application;

import io.huoshui.eventing.AfterCommit;
import io.huoshui.matching.domain.ClosureReason;
import io.huoshui.matching.domain.DemandStatus;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.Proposal;
import io.huoshui.matching.domain.StoredDemand;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.domain.SupervisionAction.Acting;
import io.huoshui.matching.domain.SupervisionAction.Kind;
import io.huoshui.matching.domain.SupervisionAction.Target;
import io.huoshui.matching.domain.Tier;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.matching.persistence.ProductStore;
import io.huoshui.matching.persistence.SupervisionStore;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What a financial office does about the demands under its supervision (督办): acknowledge a case
 * with a note, close it (销号) with a reason, push a demand to the next tier or to a named product,
 * re-open an exhausted demand. Each runs in one transaction that locks the demand's row first, as
 * every decision about a demand does, and writes SupervisionActed with the acting client through
 * the outbox. A demand or match outside the office's region is empty (the caller answers 404); a
 * state that does not allow the action is a 409 naming why.
 */
@Service
public class SupervisionDesk {

  private final DemandStore demands;
  private final MatchStore matches;
  private final ProductStore products;
  private final SupervisionStore actions;
  private final Matcher matcher;
  private final Matchmaking matchmaking;
  private final MatchAnnouncements announce;
  private final MatchingMetrics metrics;
  private final Clock clock;
  private final TransactionalOperator transaction;

  SupervisionDesk(
      DemandStore demands,
      MatchStore matches,
      ProductStore products,
      SupervisionStore actions,
      Matcher matcher,
      Matchmaking matchmaking,
      MatchAnnouncements announce,
      MatchingMetrics metrics,
      Clock clock,
      TransactionalOperator transaction) {
    this.demands = demands;
    this.matches = matches;
    this.products = products;
    this.actions = actions;
    this.matcher = matcher;
    this.matchmaking = matchmaking;
    this.announce = announce;
    this.metrics = metrics;
    this.clock = clock;
    this.transaction = transaction;
  }

  /** The office has seen the case and says what it does about it; the case stays open. */
  public Mono<SupervisionAction> acknowledge(
      Tenant office, Actor actor, UUID matchId, String note) {
    return openCase(office, matchId)
        .flatMap(
            match ->
                record(
                    SupervisionAction.about(
                        match, Kind.ACKNOWLEDGED, null, note, acting(office, actor), now())))
        .as(transaction::transactional);
  }

  /** Closes the case (销号): the match turns no further colour and is escalated no further. */
  public Mono<SupervisionAction> close(
      Tenant office, Actor actor, UUID matchId, ClosureReason reason, String note) {
    return openCase(office, matchId)
        .flatMap(
            match -> {
              SupervisionAction closed =
                  SupervisionAction.about(
                      match, Kind.CLOSED, reason.name(), note, acting(office, actor), now());
              return matches.close(matchId, reason, closed.actedAt()).then(record(closed));
            })
        .as(transaction::transactional);
  }

  /**
   * Pushes the demand to one more bank, whatever its free slots: the best fitting product beyond
   * every tier it has reached, or the product the office names — inside the automatic fit or not,
   * but not a retired one nor one whose bank holds a live match of the demand.
   */
  public Mono<SupervisionAction> push(
      Tenant office, Actor actor, UUID projectId, Target target, UUID productId, String note) {
    return routableDemand(office, projectId)
        .flatMap(
            held ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .flatMap(
                        existing ->
                            pick(held, existing, target, productId)
                                .flatMap(pick -> matchmaking.pushByHand(held, existing, pick))
                                .flatMap(
                                    match ->
                                        record(
                                            SupervisionAction.about(
                                                match,
                                                Kind.PUSHED,
                                                target == Target.PRODUCT
                                                    ? "NAMED_PRODUCT"
                                                    : "NEXT_TIER",
                                                note,
                                                acting(office, actor),
                                                now())))))
        .as(transaction::transactional);
  }

  /**
   * Re-opens an exhausted demand: matching tries again, the banks that let it go RED included and
   * those that declined not, giving new proposals or DemandExhausted again.
   */
  public Mono<SupervisionAction> reopen(Tenant office, Actor actor, UUID projectId, String note) {
    return demands
        .lock(projectId)
        .filter(held -> office.covers(held.demand().county()))
        .flatMap(
            held -> {
              if (held.status() != DemandStatus.EXHAUSTED) {
                return Mono.error(
                    ApiProblem.conflict(
                        "DEMAND_NOT_EXHAUSTED",
                        "只有已穷尽（EXHAUSTED）的需求可以重新打开，该需求为 %s。".formatted(held.status()),
                        "Only an exhausted demand can be re-opened; this one is %s."
                            .formatted(held.status())));
              }
              SupervisionAction reopened =
                  SupervisionAction.aboutDemand(
                      projectId,
                      held.demand().county(),
                      Kind.REOPENED,
                      note,
                      acting(office, actor),
                      now());
              return record(reopened)
                  .flatMap(action -> matchmaking.reopen(held).thenReturn(action));
            })
        .as(transaction::transactional);
  }

  /** The match's case, its demand locked; empty outside the office's region. */
  private Mono<Match> openCase(Tenant office, UUID matchId) {
    return matches
        .find(matchId)
        .filter(match -> office.covers(match.county()))
        .flatMap(match -> matches.findLockingDemand(match.projectId(), matchId))
        .flatMap(
            match -> {
              if (!match.isCase()) {
                return Mono.error(
                    ApiProblem.conflict(
                        "NOT_A_SUPERVISION_CASE",
                        "该匹配未曾变黄或变红，不是督办事项。",
                        "The match never turned YELLOW or RED: it is no supervision case."));
              }
              if (match.isClosed()) {
                return Mono.error(
                    ApiProblem.conflict(
                        "CASE_CLOSED",
                        "该督办事项已于 %s 销号。".formatted(match.closedAt()),
                        "The case was closed at %s.".formatted(match.closedAt())));
              }
              return Mono.just(match);
            });
  }

  /** The demand locked, when the office covers it and it may still be routed. */
  private Mono<StoredDemand> routableDemand(Tenant office, UUID projectId) {
    return demands
        .lock(projectId)
        .filter(held -> office.covers(held.demand().county()))
        .flatMap(
            held ->
                held.status().routable()
                    ? Mono.just(held)
                    : Mono.error(
                        ApiProblem.conflict(
                            "DEMAND_" + held.status(),
                            "该需求已%s，不再推送。".formatted(ended(held.status())),
                            "The demand is %s: it is pushed no more.".formatted(held.status()))));
  }

  private static String ended(DemandStatus status) {
    return switch (status) {
      case FINANCED -> "获得融资";
      case WITHDRAWN -> "撤回";
      default -> "关闭";
    };
  }

  private Mono<Proposal> pick(
      StoredDemand held, List<Match> existing, Target target, UUID productId) {
    if (target == Target.NEXT_TIER) {
      Tier reached = existing.stream().map(Match::tier).max(Comparator.naturalOrder()).orElse(null);
      return Mono.justOrEmpty(
              matcher.bestBeyond(
                  held.demand(), matchmaking.today(), Matchmaking.triedBanks(existing), reached))
          .switchIfEmpty(
              Mono.error(
                  () ->
                      ApiProblem.conflict(
                          "NOTHING_FITS_BEYOND",
                          "%s以上没有尚未推送过的适配产品。".formatted(tierName(reached)),
                          "No bank that has not had the demand has a fitting product beyond the %s tier."
                              .formatted(reached))));
    }
    return products
        .find(productId)
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.conflict(
                        "PRODUCT_UNKNOWN",
                        "没有产品 %s。".formatted(productId),
                        "There is no product %s.".formatted(productId))))
        .flatMap(product -> named(held, existing, product));
  }

  private Mono<Proposal> named(StoredDemand held, List<Match> existing, Product product) {
    return pushable(product, existing)
        .then(Mono.fromSupplier(() -> matcher.named(held.demand(), product, matchmaking.today())));
  }

  /**
   * Refuses a product to push a demand to by name: a retired one, or one whose bank holds a live
   * match of the demand already.
   */
  static Mono<Void> pushable(Product product, List<Match> existing) {
    if (!product.active()) {
      return Mono.error(
          ApiProblem.conflict(
              "PRODUCT_RETIRED",
              "产品“%s”已下架。".formatted(product.name()),
              "The product %s is retired.".formatted(product.productId())));
    }
    boolean holding =
        existing.stream()
            .anyMatch(match -> match.isLive() && match.bankCode().equals(product.bankCode()));
    if (holding) {
      return Mono.error(
          ApiProblem.conflict(
              "BANK_HOLDS_LIVE_MATCH",
              "银行 %s 已持有该需求的一个在办匹配。".formatted(product.bankCode()),
              "The bank %s already holds a live match of the demand."
                  .formatted(product.bankCode())));
    }
    return Mono.empty();
  }

  private static String tierName(Tier tier) {
    return tier == null ? "任何层级" : tier.chinese();
  }

  private Mono<SupervisionAction> record(SupervisionAction action) {
    return actions
        .insert(action)
        .then(announce.acted(action))
        .then(AfterCommit.run(() -> metrics.acted(action.action())))
        .thenReturn(action);
  }

  private static Acting acting(Tenant office, Actor actor) {
    return new Acting(office.id(), actor.clientId(), actor.requestId());
  }

  private Instant now() {
    return clock.instant();
  }
}
