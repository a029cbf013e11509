package io.huoshui.matching.application;

import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.Match.ReleaseCause;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.domain.Proposal;
import io.huoshui.matching.domain.StoredDemand;
import io.huoshui.matching.domain.Syndicate;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.matching.persistence.ProductStore;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What the lead bank of a syndicate (牵头行) does with it: invite a participant for a share, or in
 * place of one, in one transaction that locks the demand's row first, as every decision about a
 * demand does. A demand of which the bank holds no live match is empty (the caller answers 404).
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
   *
   * @param replaces the participant whose share the invited bank takes instead, null for none
   */
  public Mono<Match> invite(
      Tenant bank, UUID projectId, UUID productId, BigDecimal share, String replaces) {
    return demands
        .lock(projectId)
        .flatMap(
            held ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .filter(existing -> holdsLiveMatch(existing, bank.id()))
                    .flatMap(
                        existing ->
                            replaced(existing, replaces)
                                .flatMap(
                                    released ->
                                        invite(held, released, bank.id(), productId, share))))
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
                    .then(Mono.fromSupplier(() -> member(held.demand(), product, share, bankCode))))
        .flatMap(pick -> matchmaking.invite(held, existing, pick));
  }

  /**
   * The invited product as a member: refused when it breaks a rule for the demand (the amount's
   * aside), or when the share is outside what it lends.
   */
  private Proposal member(Demand demand, Product product, BigDecimal share, String leadBankCode) {
    LocalDate today = matchmaking.today();
    if (!matcher.takesShare(demand, product, today)) {
      throw ApiProblem.unprocessable(
          "PRODUCT_TAKES_NO_SHARE",
          "产品“%s”不适配该需求（金额以外的规则），不能参加银团。".formatted(product.name()),
          "The product %s does not fit the demand (the amount aside) and takes no share."
              .formatted(product.productId()));
    }
    BigDecimal most = matcher.largestShare(demand, product, today);
    if (share.compareTo(product.minAmount()) < 0 || share.compareTo(most) > 0) {
      throw ApiProblem.invalid(
          "share",
          "须在 %s 与 %s 之间".formatted(product.minAmount().toPlainString(), most.toPlainString()),
          "must be between %s and %s"
              .formatted(product.minAmount().toPlainString(), most.toPlainString()));
    }
    return matcher.sharing(demand, product, today, share, leadBankCode);
  }

  /**
   * The demand's matches once the participant the lead replaces is released (REPLACED): a live
   * participant of the syndicate that has approved nothing, since an approval stands.
   */
  private Mono<List<Match>> replaced(List<Match> existing, String bankCode) {
    if (bankCode == null) {
      return Mono.just(existing);
    }
    Match member =
        existing.stream()
            .filter(match -> match.isLive() && match.bankCode().equals(bankCode))
            .filter(match -> match.syndicate() != null && !match.syndicate().leads())
            .findFirst()
            .orElseThrow(
                () ->
                    ApiProblem.invalid(
                        "replaces",
                        "银行 %s 不是该银团的在办参贷行".formatted(bankCode),
                        "the bank %s is no live participant of the syndicate".formatted(bankCode)));
    if (member.approved().signum() > 0) {
      return Mono.error(
          ApiProblem.conflict(
              "PARTICIPANT_APPROVED",
              "参贷行 %s 已批准 %s，不能替换。".formatted(bankCode, member.approved().toPlainString()),
              "The participant %s approved %s and cannot be replaced."
                  .formatted(bankCode, member.approved().toPlainString())));
    }
    return matchmaking
        .release(member, ReleaseCause.REPLACED)
        .map(
            released ->
                existing.stream()
                    .map(match -> match.matchId().equals(released.matchId()) ? released : match)
                    .toList());
  }

  private static boolean holdsLiveMatch(List<Match> existing, String bankCode) {
    return existing.stream().anyMatch(match -> match.isLive() && match.bankCode().equals(bankCode));
  }
}
