package io.huoshui.project.matchmaking;

import io.huoshui.calendar.CalendarHolder;
import io.huoshui.calendar.WorkingCalendar;
import io.huoshui.project.application.Divisions;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The matchmaking events of the financial offices: an operator creates one for its region with the
 * banks it invites and puts the region's demands on its agenda; each invited bank signs at most one
 * intention per demand, which stands as announced (a second is refused, not replaced); the
 * reconciliation sets what was signed against what the banks later approved and disbursed.
 */
@Service
public class MatchmakingEvents {

  private final MatchmakingStore events;
  private final TransactionalOperator transaction;
  private final Divisions divisions;
  private final CalendarHolder calendar;
  private final MatchmakingProperties settings;
  private final Clock clock;

  MatchmakingEvents(
      MatchmakingStore events,
      TransactionalOperator transaction,
      Divisions divisions,
      CalendarHolder calendar,
      MatchmakingProperties settings,
      Clock clock) {
    this.events = events;
    this.transaction = transaction;
    this.divisions = divisions;
    this.calendar = calendar;
    this.settings = settings;
    this.clock = clock;
  }

  /** An event with its invitations, created by an operator for its own region or one within. */
  public Mono<MatchmakingEvent> create(Tenant tenant, UUID id, EventRequest request, Actor actor) {
    if (!tenant.isOperator()) {
      return Mono.error(
          ApiProblem.forbidden(
              "只有金融办可以组织对接会。", "Only a financial office organises a matchmaking event."));
    }
    if (!tenant.covers(request.region())) {
      return Mono.error(
          ApiProblem.invalid(
              "region",
              "不在您的辖区 %s 之内".formatted(tenant.id()),
              "is not within your region %s".formatted(tenant.id())));
    }
    MatchmakingEvent event =
        new MatchmakingEvent(
            id,
            request.region(),
            request.title(),
            request.date(),
            request.venue(),
            request.theme(),
            request.banks().stream().sorted().toList(),
            List.of(),
            clock.instant());
    return events
        .insert(event, actor == null ? null : actor.clientId())
        .then(events.find(event.id()))
        .as(transaction::transactional);
  }

  /** The event if the tenant may see it, empty otherwise. */
  public Mono<MatchmakingEvent> find(Tenant tenant, UUID id) {
    return events.find(id, tenant);
  }

  /**
   * Puts a demand of the event's region on its agenda; once only, a second time changes nothing.
   * Empty when the operator may not see the event.
   */
  public Mono<MatchmakingEvent> addToAgenda(Tenant tenant, UUID eventId, UUID projectId) {
    return events
        .find(eventId, tenant)
        .filter(event -> tenant.isOperator())
        .flatMap(
            event ->
                events
                    .countyOf(projectId, tenant)
                    .filter(county -> county.startsWith(event.region()))
                    .switchIfEmpty(
                        Mono.error(
                            () ->
                                ApiProblem.invalid(
                                    "projectId",
                                    "不是本对接会所在地区 %s 的需求".formatted(event.region()),
                                    "is no demand of the event's region %s"
                                        .formatted(event.region()))))
                    .flatMap(county -> events.addToAgenda(eventId, projectId, clock.instant()))
                    .then(events.find(eventId)))
        .as(transaction::transactional);
  }

  /**
   * A bank's intention for a demand of the agenda, signed at the event or after it: a bank that was
   * not invited is refused, as is a demand not on the agenda and a second intention of the bank for
   * the same demand (what was announced on stage is not re-signed). Empty for an unknown event.
   */
  public Mono<Intention> sign(Tenant tenant, UUID eventId, IntentionRequest request, Actor actor) {
    if (!tenant.isBank()) {
      return Mono.error(ApiProblem.forbidden("只有银行可以签署意向。", "Only a bank signs an intention."));
    }
    return events
        .find(eventId)
        .flatMap(
            event -> {
              if (!event.banks().contains(tenant.id())) {
                return Mono.error(
                    ApiProblem.forbidden(
                        "银行 %s 未受邀参加此对接会。".formatted(tenant.id()),
                        "The bank %s is not invited to this event.".formatted(tenant.id())));
              }
              if (!event.agenda().contains(request.projectId())) {
                return Mono.error(
                    ApiProblem.invalid("projectId", "不在此对接会的议程上", "is not on the event's agenda"));
              }
              if (today().isBefore(event.date())) {
                return Mono.error(
                    ApiProblem.unprocessable(
                        "EVENT_NOT_HELD_YET",
                        "对接会 %s 举行，此前不能签署意向。".formatted(event.date()),
                        "The event is held on %s; no intention is signed before."
                            .formatted(event.date())));
              }
              Intention intention =
                  new Intention(
                      eventId, request.projectId(), tenant.id(), request.amount(), clock.instant());
              return events
                  .sign(intention, actor == null ? null : actor.clientId())
                  .flatMap(
                      signed ->
                          signed
                              ? Mono.just(intention)
                              : Mono.error(
                                  ApiProblem.conflict(
                                      "INTENTION_ALREADY_SIGNED",
                                      "本行已为此需求签署意向，签约金额以现场公布为准，不可重签。",
                                      "Your bank signed an intention for this demand at the event"
                                          + " already; what was announced is not re-signed.")));
            })
        .as(transaction::transactional);
  }

  /** The events the tenant may see, latest first, each with its totals. */
  Mono<List<Listed>> list(Tenant tenant, long offset, int size) {
    return events
        .list(tenant, offset, size)
        .collectList()
        .flatMap(
            page ->
                page.isEmpty()
                    ? Mono.just(List.<Listed>of())
                    : events
                        .lines(page.stream().map(MatchmakingEvent::id).toList(), tenant)
                        .collectList()
                        .map(
                            lines -> {
                              Map<UUID, List<EventLine>> byEvent = byEvent(lines);
                              return page.stream()
                                  .map(
                                      event ->
                                          new Listed(
                                              event,
                                              sums(byEvent.getOrDefault(event.id(), List.of()))))
                                  .toList();
                            }));
  }

  Mono<Long> count(Tenant tenant) {
    return events.count(tenant);
  }

  /** An event and the sums of its lines, as the operator's list gives it. */
  record Listed(MatchmakingEvent event, Reconciliation.Sums sums) {}

  /** The reconciliation of an event the tenant may see; empty otherwise. */
  Mono<Reconciliation> reconciliation(Tenant tenant, UUID eventId) {
    return events
        .find(eventId, tenant)
        .flatMap(
            event ->
                events
                    .lines(eventId, tenant)
                    .collectList()
                    .flatMap(
                        lines -> {
                          List<String> places = new ArrayList<>(List.of(event.region()));
                          lines.forEach(line -> places.add(line.county()));
                          return divisions
                              .names(places)
                              .map(
                                  names ->
                                      Reconciliation.of(
                                          event,
                                          names,
                                          judged(lines, names),
                                          settings.followUpWorkingDays(),
                                          clock.instant()));
                        }));
  }

  /**
   * The events held within the days that the tenant may see (for one county if it is named: those
   * of the county's regions), latest first, each with its totals over the demands the tenant sees:
   * the quarterly pack's section.
   */
  public Flux<EventTotals> heldWithin(
      Tenant tenant, LocalDate from, LocalDate until, String county) {
    return Mono.zip(
            events
                .heldWithin(tenant, from, until)
                .filter(event -> county == null || county.startsWith(event.region()))
                .collectList(),
            events.lines(tenant, from, until, county).collectList())
        .flatMapIterable(
            found -> {
              Map<UUID, List<EventLine>> byEvent = byEvent(found.getT2());
              return found.getT1().stream()
                  .map(
                      event -> {
                        Reconciliation.Sums sums =
                            sums(byEvent.getOrDefault(event.id(), List.of()));
                        return new EventTotals(
                            event.id(),
                            event.title(),
                            event.date(),
                            event.region(),
                            sums.signed(),
                            sums.approved(),
                            sums.disbursed(),
                            sums.intentions(),
                            sums.unfollowed());
                      })
                  .toList();
            });
  }

  /** How many signed intentions are flagged now, by the event's region and their colour. */
  Mono<Map<Flagged, Long>> flagged() {
    return events
        .signed()
        .collectList()
        .map(
            lines -> {
              LocalDate today = today();
              WorkingCalendar working = calendar.current();
              Map<Flagged, Long> counts = new LinkedHashMap<>();
              for (EventLine line : lines) {
                FollowUp followUp =
                    FollowUp.of(
                        line.heldOn(), line.firstApprovalAt(), today, working, settings.rule());
                if (followUp.flagged()) {
                  counts.merge(new Flagged(line.region(), followUp.colour()), 1L, Long::sum);
                }
              }
              return counts;
            });
  }

  /** A group of flagged intentions the gauge counts. */
  record Flagged(String region, String colour) {}

  /** The sums of an event's lines, as judged today. */
  private Reconciliation.Sums sums(List<EventLine> lines) {
    return Reconciliation.total(judged(lines, PlaceNames.NONE));
  }

  private List<Reconciliation.Line> judged(List<EventLine> lines, PlaceNames names) {
    LocalDate today = today();
    WorkingCalendar working = calendar.current();
    return lines.stream()
        .map(line -> Reconciliation.Line.of(line, names, today, working, settings.rule()))
        .toList();
  }

  private static Map<UUID, List<EventLine>> byEvent(List<EventLine> lines) {
    Map<UUID, List<EventLine>> byEvent = new LinkedHashMap<>();
    lines.forEach(
        line -> byEvent.computeIfAbsent(line.eventId(), event -> new ArrayList<>()).add(line));
    return byEvent;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
  }
}
