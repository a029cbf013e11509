package io.huoshui.credit.inbox;

import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.credit.instrument.Drawing;
import io.huoshui.credit.instrument.Instruments;
import io.huoshui.credit.product.Products;
import io.huoshui.credit.values.Decimals;
import io.huoshui.eventing.Outbox;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A bank's inbox of matched demand and its answers to it. The rules of an answer are checked on the
 * locked match, so two answers to one match never pass them both on the same old state; each
 * accepted answer is written with its BankResponded event, and an approval with the charge to the
 * product's budget and its draws on the policy instruments it names, in one transaction.
 */
@Service
class Answers {

  private final InboxStore store;
  private final Products products;
  private final Instruments instruments;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final AnswerMetrics metrics;
  private final PledgeRegistrations pledges;
  private final Clock clock;

  Answers(
      InboxStore store,
      Products products,
      Instruments instruments,
      Outbox outbox,
      TransactionalOperator transaction,
      AnswerMetrics metrics,
      PledgeRegistrations pledges,
      Clock clock) {
    this.store = store;
    this.products = products;
    this.instruments = instruments;
    this.outbox = outbox;
    this.transaction = transaction;
    this.metrics = metrics;
    this.pledges = pledges;
    this.clock = clock;
  }

  Mono<Page<InboxMatch>> inbox(
      String bankCode, MatchStatus status, LocalDate deadlineBefore, PageRequest page) {
    return store
        .inbox(bankCode, status, deadlineBefore, page)
        .zipWith(
            store.count(bankCode, status, deadlineBefore),
            (items, total) -> Page.of(items, page, total));
  }

  Mono<MatchDetail> match(String bankCode, UUID matchId) {
    return store
        .findOwned(matchId, bankCode)
        .switchIfEmpty(Mono.error(() -> notFound(matchId)))
        .zipWhen(match -> store.responses(matchId).collectList(), MatchDetail::new);
  }

  Mono<BankResponse> response(String bankCode, UUID matchId, UUID responseId) {
    return store
        .response(matchId, responseId, bankCode)
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "没有答复 " + responseId + "。", "There is no answer " + responseId + ".")));
  }

  /** Records the bank's answer, and who gave it, if the match's state allows it. */
  Mono<BankResponse> answer(String bankCode, UUID matchId, AnswerRequest request, Actor actor) {
    return Mono.fromCallable(
            () -> request.requireShape(LocalDate.now(clock.withZone(WorkingCalendar.ZONE))))
        .then(store.lockOwned(matchId, bankCode))
        .switchIfEmpty(Mono.error(() -> notFound(matchId)))
        .flatMap(match -> accept(match, request, actor))
        .as(transaction::transactional)
        .doOnNext(accepted -> metrics.answered(accepted.match(), accepted.response()))
        .map(Accepted::response);
  }

  private Mono<Accepted> accept(MatchState match, AnswerRequest request, Actor actor) {
    check(match, request);
    BankResponse response =
        new BankResponse(
            UUID.randomUUID(),
            match.matchId(),
            request.answer(),
            Decimals.money(request.amount()),
            Decimals.rate(request.annualRate()),
            request.termMonths(),
            request.reasonCode(),
            request.note(),
            request.overRequestReason(),
            request.disbursedOn(),
            clock.instant(),
            actor);
    Mono<List<Drawing>> charge =
        request.answer() == Answer.APPROVAL
            ? withinRequest(match, request.amount())
                .then(products.chargeApproval(match.productId(), request.amount()))
                .then(
                    instruments.drawApproval(
                        request.instrumentsOrNone(), request.amount(), request.termMonths()))
            : Mono.just(List.of());
    PledgeRegistration registered = PledgeRegistration.of(request);
    return pledges
        .admit(match, request)
        .then(store.record(match, response))
        .flatMap(
            totals ->
                charge.flatMap(drawings -> announce(match, response, totals, drawings, registered)))
        .thenReturn(new Accepted(match, response));
  }

  private Mono<Void> announce(
      MatchState match,
      BankResponse response,
      Totals totals,
      List<Drawing> drawings,
      PledgeRegistration registered) {
    return outbox
        .append(
            Topics.BANK_RESPONSES,
            EventTypes.BANK_RESPONDED,
            match.projectId().toString(),
            BankResponded.of(match, response, totals, drawings, registered),
            EventTypes.schemaOf(EventTypes.BANK_RESPONDED))
        .then();
  }

  /**
   * Approvals of one demand by all its banks together never exceed the amount requested: a
   * syndicate's shares fill it up to the cent, and a bank approving after the others covered it is
   * refused with what is left.
   */
  private Mono<Void> withinRequest(MatchState match, BigDecimal amount) {
    return store
        .addApproval(match.projectId(), amount, match.requested())
        .switchIfEmpty(
            store
                .approvedForDemand(match.projectId())
                .flatMap(approved -> Mono.error(approvalsCapped(match, approved, amount))))
        .then();
  }

  private static ApiProblem approvalsCapped(
      MatchState match, BigDecimal approved, BigDecimal amount) {
    String requested = plain(match.requested());
    String left = plain(match.requested().subtract(approved).max(BigDecimal.ZERO));
    return ApiProblem.conflict(
        "APPROVALS_ABOVE_AMOUNT_REQUESTED",
        "各银行对该需求已批准 %s，上限为申请金额 %s：此笔批准 %s 将超出上限，最多还可批准 %s。"
            .formatted(plain(approved), requested, plain(amount), left),
        ("The banks have approved %s of this demand, capped at the %s requested: this approval of"
                + " %s would exceed the cap; at most %s is left.")
            .formatted(plain(approved), requested, plain(amount), left));
  }

  private static String plain(BigDecimal amount) {
    return Decimals.money(amount).toPlainString();
  }

  /** The answer rules; each refusal names its rule in {@code code}. */
  private static void check(MatchState match, AnswerRequest request) {
    if (match.releasedCause() != null) {
      throw ReleaseCause.refusal(match.releasedCause());
    }
    if (match.withdrawn()) {
      throw ApiProblem.conflict(
          "DEMAND_WITHDRAWN",
          "县区已撤回该需求，不再受理答复。",
          "The county withdrew the demand; it takes no more answers.");
    }
    if (match.declined()) {
      throw ApiProblem.conflict(
          "MATCH_DECLINED",
          "该银行已拒绝此匹配，不再受理答复。",
          "The bank declined this match; it takes no more answers.");
    }
    switch (request.answer()) {
      case INTEREST -> {
        if (match.interested()) {
          throw ApiProblem.conflict(
              "INTEREST_ALREADY_GIVEN",
              "该银行已对此匹配表达过意向。",
              "The bank has already declared interest in this match.");
        }
      }
      case DECLINE -> {
        if (match.approved()) {
          throw ApiProblem.conflict(
              "ALREADY_APPROVED",
              "该银行已对此匹配批准授信，不能再拒绝。",
              "The bank approved credit for this match; it cannot decline.");
        }
      }
      case APPROVAL -> {
        if (!match.interested()) {
          throw ApiProblem.conflict(
              "INTEREST_REQUIRED",
              "银行须先表达意向，才能批准授信。",
              "A bank approves credit only after it declared interest.");
        }
        if (match.approved()) {
          throw ApiProblem.conflict(
              "ALREADY_APPROVED",
              "该银行已对此匹配批准过授信。",
              "The bank has already approved credit for this match.");
        }
        if (request.amount().compareTo(match.requested()) > 0
            && (request.overRequestReason() == null || request.overRequestReason().isBlank())) {
          throw ApiProblem.unprocessable(
              "APPROVAL_ABOVE_REQUEST",
              "批准金额高于申请的 %s，请在 overRequestReason 中说明原因。"
                  .formatted(match.requested().toPlainString()),
              "The approval is above the %s requested; say why in overRequestReason."
                  .formatted(match.requested().toPlainString()));
        }
      }
      case DISBURSEMENT -> {
        if (!match.approved()) {
          throw ApiProblem.conflict(
              "APPROVAL_REQUIRED",
              "银行须先批准授信，才能放款。",
              "A bank disburses only after it approved credit.");
        }
        Totals totals = match.totals();
        if (totals.disbursed().add(request.amount()).compareTo(totals.approved()) > 0) {
          throw ApiProblem.unprocessable(
              "DISBURSEMENT_ABOVE_APPROVAL",
              "已批准 %s，已放款 %s：此笔放款将超出批准金额。"
                  .formatted(totals.approved().toPlainString(), totals.disbursed().toPlainString()),
              "%s are approved and %s already disbursed: this tranche would exceed the approval."
                  .formatted(
                      totals.approved().toPlainString(), totals.disbursed().toPlainString()));
        }
      }
    }
  }

  private static ApiProblem notFound(UUID matchId) {
    return ApiProblem.notFound(
        "本银行收件箱中没有匹配 " + matchId + "。", "There is no match " + matchId + " in this bank's inbox.");
  }

  /** A match with every answer its bank gave, oldest first. */
  record MatchDetail(InboxMatch match, List<BankResponse> responses) {}

  private record Accepted(MatchState match, BankResponse response) {}
}
