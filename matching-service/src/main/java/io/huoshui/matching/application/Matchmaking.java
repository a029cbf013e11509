package io.huoshui.matching.application;

import io.huoshui.calendar.CalendarHolder;
import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.eventing.AfterCommit;
import io.huoshui.matching.domain.BankAnswer;
import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.DemandDecision;
import io.huoshui.matching.domain.DemandStatus;
import io.huoshui.matching.domain.Escalation;
import io.huoshui.matching.domain.Financing;
import io.huoshui.matching.domain.Match;
import io.huoshui.matching.domain.Match.ReleaseCause;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.domain.Proposal;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.StoredDemand;
import io.huoshui.matching.domain.Supervision;
import io.huoshui.matching.domain.Syndicate;
import io.huoshui.matching.domain.Tier;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.MatchStore;
import io.huoshui.vocabulary.DeclineReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every decision about a demand: push it to the best banks, re-route it when a bank declines or
 * lets it go RED, release its matches when it is withdrawn or changed out of their fit. Each
 * decision runs in one transaction that first locks the demand's row, writes its matches and their
 * events (outbox) together, and only once committed touches the in-memory open-demand index and the
 * metrics.
 */
@Service
public class Matchmaking {

  private final DemandStore demands;
  private final MatchStore matches;
  private final ProductIndex products;
  private final Matcher matcher;
  private final OpenDemands openDemands;
  private final MatchAnnouncements announce;
  private final MatchingMetrics metrics;
  private final CalendarHolder calendar;
  private final MatchingProperties settings;
  private final Clock clock;
  private final TransactionalOperator transaction;

  Matchmaking(
      DemandStore demands,
      MatchStore matches,
      ProductIndex products,
      Matcher matcher,
      OpenDemands openDemands,
      MatchAnnouncements announce,
      MatchingMetrics metrics,
      CalendarHolder calendar,
      MatchingProperties settings,
      Clock clock,
      TransactionalOperator transaction) {
    this.demands = demands;
    this.matches = matches;
    this.products = products;
    this.matcher = matcher;
    this.openDemands = openDemands;
    this.announce = announce;
    this.metrics = metrics;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
    this.transaction = transaction;
  }

  /**
   * A demand submitted or changed (inside the consumer's transaction). A version not above the one
   * held, or a change to a withdrawn demand, is ignored. A change releases (SUPERSEDED) only the
   * live matches whose product no longer fits the changed demand; the others keep their bank's
   * attention, and any freed slot is filled.
   */
  public Mono<Void> demandChanged(Demand demand, long version, int partition, Instant submittedAt) {
    StoredDemand changed = new StoredDemand(demand, version, DemandStatus.OPEN, partition);
    // Decided as if new before anything is written: a new demand, the common case, is written with
    // its decision in one statement; one held before is decided again under its lock, with its
    // matches in view, and the decision made for nothing is dropped.
    Decision ifNew = decide(changed, List.of(), true);
    DemandDecision written =
        new DemandDecision(
            ifNew.status() == null ? DemandStatus.OPEN : ifNew.status(),
            ifNew.noMatch(),
            ifNew.rows());
    return demands
        .write(changed, submittedAt, written)
        .flatMap(
            write -> {
              if (write.inserted()) {
                return announced(changed, null, ifNew);
              }
              if (write.before() != null && write.before().status() == DemandStatus.FINANCED) {
                return Mono.empty(); // its banks keep it; nothing more is routed to it
              }
              Demand before = write.before() == null ? null : write.before().demand();
              return matches
                  .ofProject(demand.projectId())
                  .collectList()
                  .flatMap(held -> supersedeUnfit(demand, held))
                  .flatMap(held -> fill(changed, before, held, true));
            });
  }

  /** A demand withdrawn: every live match released, the demand out of matching for good. */
  public Mono<Void> withdrawn(UUID projectId, long version) {
    return ended(projectId, version, DemandStatus.WITHDRAWN, ReleaseCause.WITHDRAWN);
  }

  /** A demand closed by its county: as a withdrawal, every live match released CLOSED. */
  public Mono<Void> closed(UUID projectId, long version) {
    return ended(projectId, version, DemandStatus.CLOSED, ReleaseCause.CLOSED);
  }

  private Mono<Void> ended(UUID projectId, long version, DemandStatus status, ReleaseCause cause) {
    return demands
        .lock(projectId)
        .filter(
            held ->
                held.version() < version
                    && held.status() != DemandStatus.WITHDRAWN
                    && held.status() != DemandStatus.CLOSED)
        .flatMap(
            held ->
                demands
                    .setStatus(projectId, status, version)
                    .thenMany(matches.ofProject(projectId))
                    .filter(Match::isLive)
                    .concatMap(match -> release(match, cause))
                    .then(
                        AfterCommit.run(
                            () ->
                                openDemands.update(
                                    held.partition(), held.demand(), held.demand(), false))));
  }

  /**
   * A bank answered a match: the first answer ends its supervision and feeds the bank's answer
   * speed; approvals and declines feed its approval rate; a decline frees the slot for the next
   * candidate; an approval or disbursement that makes the demand financed releases the banks that
   * did not finance it. Answers to a match already released change nothing.
   */
  public Mono<Void> answered(UUID projectId, BankAnswer answer) {
    return matches
        .findLockingDemand(projectId, answer.matchId())
        .filter(Match::isLive)
        .flatMap(match -> recordAnswer(match, answer));
  }

  /** Fills a demand's free slots, when it still has any; reverse matching calls it. */
  public Mono<Void> refill(UUID projectId) {
    return demands
        .lock(projectId)
        .filter(held -> held.status().routable())
        .flatMap(
            held ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .flatMap(existing -> fill(held, held.demand(), existing, false)))
        .as(transaction::transactional);
  }

  /**
   * Turns a match to the colour the deadline of its running stage gives it today, announcing each
   * colour it passes (a sweep that missed days announces BLUE and YELLOW before RED), and escalates
   * a RED one by level: to the office of its tier first, then to each level above as it falls due
   * (each a RED announcement naming the level). RED at the first answer releases it and pushes the
   * demand to the next candidate; RED at a later stage is escalated and the match stays the bank's,
   * which is working on it.
   */
  public Mono<Void> supervise(UUID projectId, UUID matchId) {
    LocalDate today = today();
    Instant now = clock.instant();
    WorkingCalendar days = calendar.current();
    return demands
        .lock(projectId)
        .flatMap(
            held ->
                matches
                    .find(matchId)
                    .filter(match -> match.isLive() && match.stage() != null)
                    .flatMap(
                        match -> {
                          Colour target =
                              Supervision.colourOn(days, match.deadline(), today).orElse(null);
                          if (target == null) {
                            return Mono.empty();
                          }
                          int from = match.colour() == null ? 0 : match.colour().ordinal() + 1;
                          boolean releases =
                              target == Colour.RED && match.stage() == Stage.FIRST_ANSWER;
                          List<Tier> levels =
                              target != Colour.RED
                                  ? List.of()
                                  : Escalation.due(
                                      days,
                                      match.deadline(),
                                      match.tier(),
                                      match.escalatedTo(),
                                      settings.escalation().workingDays(),
                                      today);
                          if (releases && levels.size() > 1) {
                            levels = levels.subList(0, 1); // released: no level above follows
                          }
                          if (target.ordinal() < from && levels.isEmpty()) {
                            return Mono.empty();
                          }
                          Mono<Void> notices =
                              Flux.fromArray(Colour.values())
                                  .filter(
                                      c ->
                                          c.ordinal() >= from
                                              && c.ordinal() < Colour.RED.ordinal()
                                              && c.ordinal() <= target.ordinal())
                                  .concatMap(c -> announce.escalated(match, c, null, now))
                                  .thenMany(Flux.fromIterable(levels))
                                  .concatMap(
                                      level -> announce.escalated(match, Colour.RED, level, now))
                                  .then(matches.colour(matchId, target, now));
                          if (!levels.isEmpty()) {
                            List<Tier> reachedLevels = levels;
                            Tier reached = levels.get(levels.size() - 1);
                            notices =
                                notices
                                    .then(
                                        AfterCommit.run(
                                            () ->
                                                reachedLevels.forEach(
                                                    level ->
                                                        metrics.escalated(level, match.stage()))))
                                    .then(
                                        matches.escalated(
                                            matchId,
                                            reached,
                                            releases
                                                ? null
                                                : Escalation.nextOn(
                                                    days,
                                                    match.deadline(),
                                                    match.tier(),
                                                    reached,
                                                    settings.escalation().workingDays())));
                          }
                          if (!releases) {
                            return notices;
                          }
                          return notices
                              .then(release(match, ReleaseCause.RED))
                              .then(matches.ofProject(projectId).collectList())
                              .flatMap(existing -> fill(held, held.demand(), existing, false));
                        }))
        .as(transaction::transactional);
  }

  private Mono<Void> recordAnswer(Match match, BankAnswer answer) {
    int workingDays =
        calendar.current().workingDaysElapsed(match.proposedAt(), answer.respondedAt());
    Mono<Void> recorded = matches.answer(answer, workingDays, clockAfter(match, answer));
    return switch (answer.answer()) {
      case INTEREST -> recorded;
      case DECLINE ->
          recorded
              .then(release(match, ReleaseCause.DECLINED))
              .then(
                  withMatches(
                      match.projectId(),
                      (held, existing) -> fill(held, held.demand(), existing, false)));
      case APPROVAL ->
          recorded
              .then(syndicateApproved(match, answer))
              .then(withMatches(match.projectId(), this::financed));
      case DISBURSEMENT -> recorded.then(withMatches(match.projectId(), this::financed));
    };
  }

  /** Counts what a syndicate member's approval added, by bank and role, once it is committed. */
  private Mono<Void> syndicateApproved(Match match, BankAnswer answer) {
    BigDecimal added = answer.approved().subtract(match.approved());
    if (match.syndicate() == null || added.signum() <= 0) {
      return Mono.empty();
    }
    return AfterCommit.run(
        () -> metrics.syndicateApproved(match.bankCode(), match.syndicate().role(), added));
  }

  /** The demand, its row locked, with every match it has had as they stand now. */
  private Mono<Void> withMatches(
      UUID projectId, BiFunction<StoredDemand, List<Match>, Mono<Void>> decision) {
    return demands
        .lock(projectId)
        .flatMap(
            held ->
                matches
                    .ofProject(projectId)
                    .collectList()
                    .flatMap(existing -> decision.apply(held, existing)));
  }

  /**
   * The match with the clock that runs after the answer, as long as was fixed at its push; a match
   * pushed before that runs on what its product states when the stage starts, or the network's
   * default.
   */
  private Match clockAfter(Match match, BankAnswer answer) {
    Stage next = Stage.after(match.stage(), answer.answer());
    if (next == match.stage()) {
      return match;
    }
    if (next == null) {
      return match.clocked(null, match.deadline(), match.colour());
    }
    LocalDate answeredOn = LocalDate.ofInstant(answer.respondedAt(), WorkingCalendar.ZONE);
    int workingDays =
        match.stageDays() != null
            ? match.stageDays().of(next)
            : settings.workingDays(next, products.get(match.productId()).orElse(null));
    return match.clocked(next, calendar.current().plusWorkingDays(answeredOn, workingDays), null);
  }

  /**
   * Once the demand's approvals cover the amount requested it is financed: routed no more, out of
   * reverse matching, and the banks that financed nothing are released (again once the
   * disbursements cover it).
   */
  private Mono<Void> financed(StoredDemand held, List<Match> existing) {
    Demand demand = held.demand();
    boolean routable = held.status().routable();
    if (!Financing.financed(demand, existing)
        || !routable && held.status() != DemandStatus.FINANCED) {
      return Mono.empty();
    }
    Mono<Void> status =
        routable
            ? demands.setOutcome(demand.projectId(), DemandStatus.FINANCED, null)
            : Mono.empty();
    return status
        .thenMany(Flux.fromIterable(Financing.released(demand, existing)))
        .concatMap(match -> release(match, ReleaseCause.FINANCED))
        .then(AfterCommit.run(() -> openDemands.update(held.partition(), demand, demand, false)));
  }

  /** Releases the live matches whose product the changed demand no longer fits. */
  private Mono<List<Match>> supersedeUnfit(Demand demand, List<Match> existing) {
    LocalDate today = today();
    List<Match> kept = new ArrayList<>(existing.size());
    List<Match> unfit = new ArrayList<>();
    for (Match match : existing) {
      boolean broken =
          match.isLive()
              && products
                  .get(match.productId())
                  .map(product -> !matcher.fits(product, demand, today))
                  .orElse(false);
      if (broken) {
        unfit.add(match);
      } else {
        kept.add(match);
      }
    }
    return Flux.fromIterable(unfit)
        .concatMap(match -> release(match, ReleaseCause.SUPERSEDED))
        .doOnNext(kept::add)
        .then(Mono.fromSupplier(() -> kept));
  }

  /**
   * Pushes the demand to as many new banks as it has free slots. When nothing at all fits and no
   * match is live, the county learns why (NoMatch) — on a new or changed demand always, otherwise
   * only when the demand was not already known to fit nothing.
   */
  private Mono<Void> fill(
      StoredDemand held, Demand before, List<Match> existing, boolean demandChanged) {
    Decision decision = decide(held, existing, demandChanged);
    Mono<Void> status =
        decision.status() == null
            ? Mono.empty()
            : demands.setOutcome(held.demand().projectId(), decision.status(), decision.noMatch());
    return status.then(matches.insert(decision.rows())).then(announced(held, before, decision));
  }

  /**
   * What filling the demand's free slots comes to, written nowhere yet.
   *
   * @param status the demand's new status, null when it stays: an OPEN demand holds no NoMatch, so
   *     only one that fitted nothing before (or was exhausted) changes when something fits now
   * @param noMatch what the county learns, with the status NO_MATCH
   * @param tried every match the demand had, when it is newly exhausted; null otherwise
   * @param hasRoom whether the demand still has free slots afterwards
   * @param routedAfter the decline the new matches were chosen to answer, null when none: after a
   *     decline for collateral, those that lend on a guarantee instead
   */
  private record Decision(
      List<Match> rows,
      DemandStatus status,
      MatchOutcome.NoMatch noMatch,
      boolean announceNoMatch,
      List<Match> tried,
      boolean hasRoom,
      Instant at,
      DeclineReason routedAfter) {}

  private Decision decide(StoredDemand held, List<Match> existing, boolean demandChanged) {
    Demand demand = held.demand();
    Instant now = clock.instant();
    long live = existing.stream().filter(Match::isLive).count();
    int slots = (int) Math.max(0, settings.banksPerDemand() - live);
    boolean syndicating = Syndicate.shared(demand, existing);
    BigDecimal uncovered = syndicating ? Syndicate.uncovered(demand, existing) : BigDecimal.ZERO;
    if ((syndicating ? uncovered.signum() == 0 : slots == 0) || !held.status().routable()) {
      return new Decision(List.of(), null, null, false, null, false, now, null);
    }
    Set<String> excluded = triedBanks(existing);
    LocalDate today = today();
    boolean collateralFellShort = declinedFor(existing, DeclineReason.INSUFFICIENT_COLLATERAL);
    MatchOutcome outcome =
        syndicating
            ? matcher.syndicate(demand, today, excluded, uncovered, Syndicate.leadOf(existing))
            : matcher.match(demand, today, excluded, slots, collateralFellShort);
    boolean exhausted = live == 0 && !existing.isEmpty();
    if (outcome instanceof MatchOutcome.Proposals proposals && !proposals.picks().isEmpty()) {
      List<Proposal> picks = proposals.picks();
      LocalDate deadline =
          calendar.current().plusWorkingDays(today, settings.deadlineWorkingDays());
      List<Match> rows = new ArrayList<>(picks.size());
      for (int i = 0; i < picks.size(); i++) {
        Proposal pick = picks.get(i);
        rows.add(
            Match.proposed(
                demand,
                pick,
                existing.size() + i + 1,
                deadline,
                settings.stageDays(pick.product()),
                now));
      }
      DemandStatus status = held.status() == DemandStatus.OPEN ? null : DemandStatus.OPEN;
      boolean shared = picks.get(0).syndicate() != null;
      boolean hasRoom = !shared && live + picks.size() < settings.banksPerDemand();
      DeclineReason routedAfter =
          shared
              ? syndicating && declinedFor(existing, DeclineReason.AMOUNT_TOO_LARGE)
                  ? DeclineReason.AMOUNT_TOO_LARGE
                  : null
              : collateralFellShort ? DeclineReason.INSUFFICIENT_COLLATERAL : null;
      return new Decision(rows, status, null, false, null, hasRoom, now, routedAfter);
    }
    if (live > 0) {
      return new Decision(List.of(), null, null, false, null, true, now, null);
    }
    // Every bank it had has let it go and none is left: after a decline, a RED or a change that
    // broke a fit — unless the change itself made the demand fit nothing, which NoMatch explains.
    if (exhausted && (outcome instanceof MatchOutcome.Proposals || !demandChanged)) {
      boolean announceIt = held.status() != DemandStatus.EXHAUSTED;
      return new Decision(
          List.of(),
          DemandStatus.EXHAUSTED,
          null,
          false,
          announceIt ? existing : null,
          true,
          now,
          null);
    }
    boolean announceIt = demandChanged || held.status() != DemandStatus.NO_MATCH;
    return new Decision(
        List.of(),
        DemandStatus.NO_MATCH,
        (MatchOutcome.NoMatch) outcome,
        announceIt,
        null,
        true,
        now,
        null);
  }

  private static boolean declinedFor(List<Match> existing, DeclineReason reason) {
    return existing.stream().anyMatch(match -> match.declinedFor(reason));
  }

  /**
   * The banks not to push the demand to again: those that hold or held it, but for those that let
   * it go RED before it was re-opened.
   */
  static Set<String> triedBanks(List<Match> existing) {
    return existing.stream()
        .filter(match -> !match.retryable())
        .map(Match::bankCode)
        .collect(Collectors.toSet());
  }

  /**
   * A financial office's push, inside its transaction with the demand locked: the match is written
   * and proposed as any other, marked manual, whatever the demand's free slots; a demand that had
   * no live match is OPEN again.
   */
  Mono<Match> pushByHand(StoredDemand held, List<Match> existing, Proposal pick) {
    return pushOne(held, existing, proposed(held, existing, pick).pushedByHand());
  }

  /**
   * A participant the lead bank of the demand's syndicate invites, inside its transaction with the
   * demand locked: proposed as any other, for the share the lead names.
   */
  Mono<Match> invite(StoredDemand held, List<Match> existing, Proposal share) {
    return pushOne(held, existing, proposed(held, existing, share));
  }

  private Match proposed(StoredDemand held, List<Match> existing, Proposal pick) {
    LocalDate deadline =
        calendar.current().plusWorkingDays(today(), settings.deadlineWorkingDays());
    return Match.proposed(
        held.demand(),
        pick,
        existing.size() + 1,
        deadline,
        settings.stageDays(pick.product()),
        clock.instant());
  }

  private Mono<Match> pushOne(StoredDemand held, List<Match> existing, Match match) {
    Demand demand = held.demand();
    boolean hasRoom =
        match.syndicate() == null
            && existing.stream().filter(Match::isLive).count() + 1 < settings.banksPerDemand();
    Mono<Void> status =
        held.status() == DemandStatus.OPEN
            ? Mono.empty()
            : demands.setOutcome(demand.projectId(), DemandStatus.OPEN, null);
    return status
        .then(matches.insert(List.of(match)))
        .then(announce.proposed(List.of(match), demand, null))
        .then(
            AfterCommit.run(
                () -> {
                  openDemands.update(held.partition(), demand, demand, hasRoom);
                  metrics.pushed(match.tier(), match.bankCode());
                }))
        .thenReturn(match);
  }

  /**
   * An exhausted demand re-opened by a financial office, inside its transaction with the demand
   * locked: the banks that let it go RED may have it again, those that declined may not; it is
   * proposed to whoever fits, or announced exhausted again.
   */
  Mono<Void> reopen(StoredDemand held) {
    UUID projectId = held.demand().projectId();
    StoredDemand reopened =
        new StoredDemand(held.demand(), held.version(), DemandStatus.OPEN, held.partition());
    return matches
        .retryRed(projectId)
        .then(demands.setOutcome(projectId, DemandStatus.OPEN, null))
        .then(matches.ofProject(projectId).collectList())
        .flatMap(existing -> fill(reopened, held.demand(), existing, false));
  }

  /** The decision's events and, once it has committed, the index and the metrics. */
  private Mono<Void> announced(StoredDemand held, Demand before, Decision decision) {
    Demand demand = held.demand();
    Mono<Void> events;
    if (decision.announceNoMatch()) {
      events = announce.noMatch(demand, decision.noMatch(), decision.at());
    } else if (decision.tried() != null) {
      events = announce.exhausted(demand, decision.tried(), decision.at());
    } else {
      events = announce.proposed(decision.rows(), demand, decision.routedAfter());
    }
    return events.then(
        AfterCommit.run(
            () -> {
              openDemands.update(held.partition(), before, demand, decision.hasRoom());
              decision.rows().forEach(row -> metrics.pushed(row.tier(), row.bankCode()));
              if (decision.announceNoMatch()) {
                metrics.noMatch(demand.county(), decision.noMatch());
              }
              if (decision.tried() != null) {
                metrics.exhausted(demand.county());
              }
            }));
  }

  /** Releases the match and announces it; returns the match as released. */
  Mono<Match> release(Match match, ReleaseCause cause) {
    Match released = match.released(cause, clock.instant());
    return matches
        .release(match.matchId(), cause, released.releasedAt())
        .then(announce.released(released))
        .thenReturn(released);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
  }
}
