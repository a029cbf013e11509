package io.huoshui.matching.application;

import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.StoredDemand;
import io.huoshui.matching.domain.Syndicate;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.matching.persistence.ProductStore;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What the lead bank of a syndicate (牵头行) does with it: invite a participant for a share, in one
 * transaction that locks the demand's row first, as every decision about a demand does. A demand of
 * which the bank holds no live match is empty (the caller answers 404).
 */
@Service
public class Syndicates {

  private final DemandStore demands;
  private final MatchStore matches;
  private final ProductStore products;
  private final Matcher matcher;
  private final Matchmaking matchmaking;
  private final TransactionalOperator transaction;

  Syndicates(
      DemandStore demands,
      MatchStore matches,
      ProductStore products,
      Matcher matcher,
      Matchmaking matchmaking,
      TransactionalOperator transaction) {
    this.demands = demands;
    this.matches = matches;
    this.products = products;
    this.matcher = matcher;
    this.matchmaking = matchmaking;
    this.transaction = transaction;
  }

  /**
   * The lead invites another bank's product to take a share: a product that takes shares of the
   * demand (every rule but the amount's), for a share within its own minimum and ceiling. The lead
   * may invite beyond the amount requested, since the banks' approvals are capped by it anyway.
   */
  public Mono<Match> invite(Tenant bank, UUID projectId, UUID productId, BigDecimal share) {
    return demands
        .lock(projectId)
        .flatMap(
            held ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .filter(existing -> holdsLiveMatch(existing, bank.id()))
                    .flatMap(existing -> invite(held, existing, bank.id(), productId, share)))
        .as(transaction::transactional);
  }

  private Mono<Match> invite(
      StoredDemand held, List<Match> existing, String bankCode, UUID productId, BigDecimal share) {
    if (!bankCode.equals(Syndicate.leadOf(existing))) {
      return Mono.error(
          ApiProblem.conflict(
              "NOT_THE_SYNDICATE_LEAD",
              "只有该需求银团的牵头行可以邀请参贷行。",
              "Only the lead bank of the demand's syndicate invites participants."));
    }
    if (!held.status().routable()) {
      return Mono.error(
          ApiProblem.conflict(
              "DEMAND_NOT_ROUTABLE",
              "该需求已不再推送（%s）。".formatted(held.status()),
              "The demand is routed no more (%s).".formatted(held.status())));
    }
    return products
        .find(productId)
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.invalid(
                        "productId",
                        "没有产品 %s".formatted(productId),
                        "there is no product %s".formatted(productId))))
        .flatMap(
            product ->
                SupervisionDesk.pushable(product, existing)
                    .then(
                        Mono.fromSupplier(
                            () ->
                                matcher.shareOf(
                                    held.demand(), product, matchmaking.today(), share, bankCode))))
        .flatMap(pick -> matchmaking.invite(held, existing, pick));
  }

  private static boolean holdsLiveMatch(List<Match> existing, String bankCode) {
    return existing.stream().anyMatch(match -> match.isLive() && match.bankCode().equals(bankCode));
  }
}
