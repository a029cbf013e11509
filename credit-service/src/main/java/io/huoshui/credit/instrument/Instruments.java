package io.huoshui.credit.instrument;

import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.credit.web.IfMatch;
import io.huoshui.eventing.Outbox;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The policy instruments. A financial office manages those issued in its own region; every change
 * is made against the version the office last read, and written with its event
 * (InstrumentPublished, InstrumentUpdated, InstrumentRetired) in one transaction, on the products'
 * topic, so that a consumer of the catalog learns of both in one order.
 */
@Service
public class Instruments {

  private final InstrumentStore store;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final InstrumentMetrics metrics;
  private final Clock clock;

  Instruments(
      InstrumentStore store,
      Outbox outbox,
      TransactionalOperator transaction,
      InstrumentMetrics metrics,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.transaction = transaction;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Issues an instrument.
   *
   * @param operatorRegion the acting office's region, which must contain the issuer's
   * @param actor who issued it, kept with the change
   */
  public Mono<Instrument> publish(String operatorRegion, InstrumentRequest request, Actor actor) {
    UUID id = UUID.randomUUID();
    return Mono.fromCallable(() -> issuedWithin(operatorRegion, request))
        .flatMap(
            valid -> {
              Instant now = clock.instant();
              return store.insert(id, valid, now).then(store.recordChange(id, "NEW", now, actor));
            })
        .then(Mono.defer(() -> announce(id, EventTypes.INSTRUMENT_PUBLISHED)))
        .as(transaction::transactional);
  }

  /**
   * Replaces an instrument of the office's region. Whether the office may touch it is decided
   * before what it sends is read, so that an instrument of another region answers 404 whatever the
   * body.
   *
   * @param ifMatch the version the office read; another one is a 412
   */
  public Mono<Instrument> update(
      String operatorRegion, UUID id, IfMatch ifMatch, InstrumentRequest request, Actor actor) {
    return activeManaged(operatorRegion, id, ifMatch)
        .flatMap(
            stored ->
                Mono.fromCallable(() -> issuedWithin(operatorRegion, request))
                    .flatMap(
                        valid -> {
                          if (stored.drawn().compareTo(valid.budget()) > 0) {
                            return Mono.error(
                                ApiProblem.unprocessable(
                                    "BUDGET_BELOW_DRAWN",
                                    "已支用 %s，预算不得低于此数。".formatted(stored.drawn().toPlainString()),
                                    "Drawings have already taken %s of this instrument; the budget cannot be lower."
                                        .formatted(stored.drawn().toPlainString())));
                          }
                          Instant now = clock.instant();
                          return store
                              .replace(id, valid, now)
                              .then(store.recordChange(id, "UPDATED", now, actor));
                        }))
        .then(Mono.defer(() -> announce(id, EventTypes.INSTRUMENT_UPDATED)))
        .as(transaction::transactional);
  }

  /** Ends an instrument of the office's region: it serves no new loan. */
  public Mono<Instrument> retire(String operatorRegion, UUID id, IfMatch ifMatch, Actor actor) {
    return activeManaged(operatorRegion, id, ifMatch)
        .flatMap(
            stored -> {
              Instant now = clock.instant();
              return store.retire(id, now).then(store.recordChange(id, "RETIRED", now, actor));
            })
        .then(Mono.defer(() -> announce(id, EventTypes.INSTRUMENT_RETIRED)))
        .as(transaction::transactional);
  }

  /**
   * Draws an approval on each named instrument, announcing each lowered budget. Runs in the
   * caller's transaction, so that the draws stand or fall with the approval; an instrument that is
   * not active on the day, or whose remaining budget does not cover the draw, refuses the whole
   * approval.
   *
   * @param amount the approved amount
   * @param termMonths the approved term, over which a subsidy pays
   */
  public Mono<List<Drawing>> drawApproval(
      List<UUID> instrumentIds, BigDecimal amount, int termMonths) {
    return Flux.fromIterable(instrumentIds)
        .concatMap(id -> drawApproval(id, amount, termMonths))
        .collectList()
        .flatMap(drawings -> metrics.drawnOnCommit(drawings).thenReturn(drawings));
  }

  private Mono<Drawing> drawApproval(UUID id, BigDecimal amount, int termMonths) {
    // The day of the bank that lends, in China: at 01:00 there it is still yesterday in UTC.
    LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    return store
        .find(id)
        .filter(instrument -> servesOn(instrument, today))
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.unprocessable(
                        "INSTRUMENT_UNAVAILABLE",
                        "政策工具 %s 不存在、已停用或不在有效期内（%s），不能用于此次批准。".formatted(id, today),
                        "The instrument %s does not exist, is retired or is not valid on %s: the approval cannot use it."
                            .formatted(id, today))))
        .flatMap(
            instrument -> {
              BigDecimal draw = drawOf(instrument, amount, termMonths);
              return store
                  .draw(id, draw, clock.instant())
                  .switchIfEmpty(
                      Mono.defer(() -> store.find(id))
                          .flatMap(
                              left ->
                                  Mono.error(
                                      ApiProblem.conflict(
                                          "INSTRUMENT_BUDGET_EXHAUSTED",
                                          "政策工具 %s 剩余预算 %s，不足此次批准所需的 %s。"
                                              .formatted(
                                                  id,
                                                  left.remainingBudget().toPlainString(),
                                                  draw.toPlainString()),
                                          "The instrument %s has %s left, less than the %s this approval draws."
                                              .formatted(
                                                  id,
                                                  left.remainingBudget().toPlainString(),
                                                  draw.toPlainString())))))
                  .then(announce(id, EventTypes.INSTRUMENT_UPDATED))
                  .thenReturn(
                      new Drawing(
                          id,
                          instrument.kind(),
                          instrument.name(),
                          instrument.issuerRegion(),
                          draw));
            });
  }

  private static boolean servesOn(Instrument instrument, LocalDate day) {
    return instrument.status() == InstrumentStatus.ACTIVE
        && !instrument.validFrom().isAfter(day)
        && (instrument.validTo() == null || !instrument.validTo().isBefore(day));
  }

  /** What an approval takes of the instrument's budget, by the network's one rule. */
  static BigDecimal drawOf(Instrument instrument, BigDecimal amount, int termMonths) {
    Benefit benefit = instrument.benefit();
    return instrument
        .kind()
        .draw(
            amount, termMonths, benefit.percentageOf(instrument.kind()), benefit.subsidyCeiling());
  }

  public Mono<Instrument> find(UUID id) {
    return store.find(id);
  }

  public Mono<Page<Instrument>> search(InstrumentQuery query, PageRequest page) {
    return store
        .search(query, page.size(), page.offset())
        .collectList()
        .zipWith(store.count(query), (items, total) -> Page.of(items, page, total));
  }

  /**
   * The request, if consistent and issued inside the office's region: an office funds nothing for
   * another region, so a foreign issuer is a wrong field, not a missing object.
   */
  private static InstrumentRequest issuedWithin(String operatorRegion, InstrumentRequest request) {
    request.requireConsistent();
    if (!request.issuerRegion().startsWith(operatorRegion)) {
      throw ApiProblem.invalid(
          "issuerRegion",
          "须为本办所辖地区 %s 或其下辖地区".formatted(operatorRegion),
          "must be your region %s or one inside it".formatted(operatorRegion));
    }
    return request;
  }

  private Mono<InstrumentStore.Stored> activeManaged(
      String operatorRegion, UUID id, IfMatch ifMatch) {
    return store
        .lockManaged(id, operatorRegion)
        .switchIfEmpty(Mono.error(() -> notFound(id)))
        .flatMap(
            stored -> {
              Instrument instrument = stored.instrument();
              ifMatch.requireCurrent(instrument.version());
              if (instrument.status() == InstrumentStatus.RETIRED) {
                return Mono.error(
                    ApiProblem.conflict(
                        "INSTRUMENT_RETIRED",
                        "该政策工具已停用，不能再修改。",
                        "The instrument was retired and can no longer change."));
              }
              return Mono.just(stored);
            });
  }

  static ApiProblem notFound(UUID id) {
    return ApiProblem.notFound("没有政策工具 " + id + "。", "There is no instrument " + id + ".");
  }

  private Mono<Instrument> announce(UUID id, String type) {
    return store
        .find(id)
        .flatMap(
            instrument ->
                outbox
                    .append(
                        Topics.PRODUCTS, type, id.toString(), instrument, EventTypes.schemaOf(type))
                    .thenReturn(instrument));
  }
}
