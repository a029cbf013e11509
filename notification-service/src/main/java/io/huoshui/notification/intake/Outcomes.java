package io.huoshui.notification.intake;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns what happened to a demand into notifications for the county, the banks and the operators it
 * concerns, and keeps what later texts and recipients need (titles, matches, bank names). Runs
 * inside the consumer's transaction: the notifications commit with the event's log entry.
 */
@Component
class Outcomes {

  private final KnowledgeStore knowledge;
  private final Notices notices;
  private final StageClocks stages;

  Outcomes(KnowledgeStore knowledge, Notices notices, StageClocks stages) {
    this.knowledge = knowledge;
    this.notices = notices;
    this.stages = stages;
  }

  Mono<Void> demandChanged(Happenings.ProjectDemand demand) {
    return knowledge.rememberProject(
        demand.projectId(), demand.county(), demand.title(), demand.version());
  }

  /** The banks that hold the demand learn it was withdrawn. */
  Mono<Void> withdrawn(EventEnvelope event, Happenings.ProjectWithdrawn withdrawal) {
    return knowledge
        .holders(withdrawal.projectId())
        .map(
            held ->
                new NewNotification(
                    Audience.bank(held.bankCode()),
                    Kind.PROJECT_WITHDRAWN,
                    withdrawal.projectId().toString(),
                    withdrawal.county(),
                    event.id(),
                    Facts.of()
                        .put("projectId", withdrawal.projectId())
                        .put("county", withdrawal.county())
                        .put("matchId", held.matchId())
                        .put("productId", held.productId())
                        .put("productName", held.productName())
                        .put("reason", withdrawal.reason())
                        .put("withdrawnAt", withdrawal.withdrawnAt())
                        .build()))
        .collectList()
        .flatMap(notices::publish)
        .then();
  }

  /** The county learns which bank and product its demand went to; the bank, of new demand. */
  Mono<Void> proposed(EventEnvelope event, Happenings.MatchProposed match) {
    Happenings.Demand demand = match.demand();
    KnownMatch known =
        new KnownMatch(
            match.matchId(),
            match.projectId(),
            match.county(),
            match.bankCode(),
            match.productId(),
            match.productName(),
            demand.amountRequested(),
            match.deadline(),
            match.decisionWorkingDays(),
            match.disbursementWorkingDays());
    return knowledge
        .rememberMatch(known)
        .flatMap(
            names -> {
              // What a bank receives never names the enterprise: the anonymised demand, no title.
              Map<String, Object> toBank =
                  pushed(match)
                      .put("industry", demand.industry())
                      .put("enterpriseSize", demand.enterpriseSize())
                      .put("amountRequested", demand.amountRequested())
                      .put("termMonths", demand.termMonths())
                      .put("purpose", demand.purpose())
                      .build();
              Map<String, Object> toCounty =
                  pushed(match)
                      .put("projectTitle", names.projectTitle())
                      .put("bankCode", match.bankCode())
                      .put("bankName", names.bankName())
                      .build();
              String subject = match.projectId().toString();
              return notices.publish(
                  List.of(
                      new NewNotification(
                          Audience.county(match.county()),
                          Kind.MATCH_PROPOSED,
                          subject,
                          match.county(),
                          event.id(),
                          toCounty),
                      new NewNotification(
                          Audience.bank(match.bankCode()),
                          Kind.MATCH_PROPOSED,
                          subject,
                          match.county(),
                          event.id(),
                          toBank)));
            })
        .then();
  }

  private static Facts pushed(Happenings.MatchProposed match) {
    return Facts.of()
        .put("matchId", match.matchId())
        .put("projectId", match.projectId())
        .put("county", match.county())
        .put("productId", match.productId())
        .put("productName", match.productName())
        .put("tier", match.tier())
        .put("rank", match.rank())
        .put("score", match.score())
        .put("deadline", match.deadline());
  }

  /** The county and the operators of its region learn that nothing fits, and why. */
  Mono<Void> noMatch(EventEnvelope event, Happenings.NoMatch decision) {
    return knowledge
        .projectTitle(decision.projectId())
        .flatMap(
            title -> {
              Map<String, Object> facts =
                  Facts.of()
                      .put("projectId", decision.projectId())
                      .put("projectTitle", title)
                      .put("county", decision.county())
                      .put("evaluatedProducts", decision.evaluatedProducts())
                      .put(
                          "failures",
                          decision.failures().stream()
                              .map(
                                  failure ->
                                      Facts.of()
                                          .put("rule", failure.rule())
                                          .put("failedProducts", failure.failedProducts())
                                          .build())
                              .toList())
                      .build();
              return notices.publish(
                  toCountyAndOperators(
                      decision.county(),
                      Kind.NO_MATCH,
                      decision.projectId().toString(),
                      event,
                      facts));
            })
        .then();
  }

  /**
   * The county and the operators above it learn that every bank that fitted has declined or gone
   * quiet and nothing else fits: each bank tried, how it ended and, for a decline, why.
   */
  Mono<Void> exhausted(EventEnvelope event, Happenings.DemandExhausted exhaustion) {
    List<String> banks =
        exhaustion.tried().stream().map(Happenings.Tried::bankCode).distinct().toList();
    return Mono.zip(knowledge.projectTitle(exhaustion.projectId()), knowledge.bankNames(banks))
        .flatMap(
            known -> {
              Map<String, Object> facts =
                  Facts.of()
                      .put("projectId", exhaustion.projectId())
                      .put("projectTitle", known.getT1())
                      .put("county", exhaustion.county())
                      .put("exhaustedAt", exhaustion.exhaustedAt())
                      .put("triedCount", exhaustion.tried().size())
                      .put(
                          "tried",
                          exhaustion.tried().stream()
                              .map(
                                  tried ->
                                      Facts.of()
                                          .put("matchId", tried.matchId())
                                          .put("bankCode", tried.bankCode())
                                          .put(
                                              "bankName",
                                              known
                                                  .getT2()
                                                  .getOrDefault(tried.bankCode(), tried.bankCode()))
                                          .put("cause", tried.cause())
                                          .put("declineReason", tried.declineReason())
                                          .build())
                              .toList())
                      .build();
              return notices.publish(
                  toCountyAndOperators(
                      exhaustion.county(),
                      Kind.DEMAND_EXHAUSTED,
                      exhaustion.projectId().toString(),
                      event,
                      facts));
            })
        .then();
  }

  private static List<NewNotification> toCountyAndOperators(
      String county, Kind kind, String subject, EventEnvelope event, Map<String, Object> facts) {
    List<Audience> audiences = new ArrayList<>();
    audiences.add(Audience.county(county));
    audiences.addAll(Audience.operatorsOf(county));
    return audiences.stream()
        .map(audience -> new NewNotification(audience, kind, subject, county, event.id(), facts))
        .toList();
  }

  /**
   * Supervision colour of an open case: the county and the bank; a RED notice also the operators of
   * the level it is escalated to, or every one above the county when it names none. A case an
   * office closed is told no more.
   */
  Mono<Void> escalated(EventEnvelope event, Happenings.MatchEscalated escalation) {
    return knowledge
        .escalated(
            escalation.matchId(),
            escalation.colour(),
            escalation.projectId(),
            escalation.bankCode(),
            escalation.productId())
        .filter(known -> !known.closed())
        .flatMap(
            known -> {
              Map<String, Object> toBank = supervised(escalation, known.productName()).build();
              Map<String, Object> toCounty =
                  supervised(escalation, known.productName())
                      .put("projectTitle", known.projectTitle())
                      .put("bankCode", escalation.bankCode())
                      .put("bankName", known.bankName())
                      .build();
              String subject = escalation.projectId().toString();
              List<NewNotification> notifications = new ArrayList<>();
              notifications.add(
                  new NewNotification(
                      Audience.county(escalation.county()),
                      Kind.MATCH_ESCALATED,
                      subject,
                      escalation.county(),
                      event.id(),
                      toCounty));
              notifications.add(
                  new NewNotification(
                      Audience.bank(escalation.bankCode()),
                      Kind.MATCH_ESCALATED,
                      subject,
                      escalation.county(),
                      event.id(),
                      toBank));
              if ("RED".equals(escalation.colour())) {
                for (Audience operators : escalatedTo(escalation)) {
                  notifications.add(
                      new NewNotification(
                          operators,
                          Kind.MATCH_ESCALATED,
                          subject,
                          escalation.county(),
                          event.id(),
                          toCounty));
                }
              }
              return notices.publish(notifications);
            })
        .then();
  }

  private static List<Audience> escalatedTo(Happenings.MatchEscalated escalation) {
    EscalationLevel level = escalation.escalateTo();
    return level == null
        ? Audience.operatorsOf(escalation.county())
        : List.of(level.operatorsAbove(escalation.county()));
  }

  private static Facts supervised(Happenings.MatchEscalated escalation, String productName) {
    return Facts.of()
        .put("matchId", escalation.matchId())
        .put("projectId", escalation.projectId())
        .put("county", escalation.county())
        .put("productId", escalation.productId())
        .put("productName", productName)
        .put("colour", escalation.colour())
        .put("stage", escalation.stage() == null ? Stage.FIRST_ANSWER : escalation.stage())
        .put("escalateTo", escalation.escalateTo())
        .put("deadline", escalation.deadline());
  }

  /**
   * The county and, when the action names a match, its bank learn what a financial office did; a
   * closure (销号) also ends the match's reminders and escalation notices. What the bank reads never
   * names the enterprise.
   */
  Mono<Void> acted(EventEnvelope event, Happenings.SupervisionActed action) {
    Mono<KnowledgeStore.Names> named =
        action.matchId() == null
            ? knowledge
                .projectTitle(action.projectId())
                .map(title -> new KnowledgeStore.Names(title, null, null, false))
            : knowledge.acted(
                action.matchId(),
                "CLOSED".equals(action.action()),
                action.actedAt(),
                action.projectId(),
                action.bankCode(),
                action.productId());
    return named
        .flatMap(
            known -> {
              String subject = action.projectId().toString();
              List<NewNotification> notifications = new ArrayList<>();
              notifications.add(
                  new NewNotification(
                      Audience.county(action.county()),
                      Kind.SUPERVISION_ACTED,
                      subject,
                      action.county(),
                      event.id(),
                      actedFacts(action, known.productName())
                          .put("projectTitle", known.projectTitle())
                          .put("bankCode", action.bankCode())
                          .put("bankName", known.bankName())
                          .build()));
              if (action.bankCode() != null) {
                notifications.add(
                    new NewNotification(
                        Audience.bank(action.bankCode()),
                        Kind.SUPERVISION_ACTED,
                        subject,
                        action.county(),
                        event.id(),
                        actedFacts(action, known.productName()).build()));
              }
              return notices.publish(notifications);
            })
        .then();
  }

  private static Facts actedFacts(Happenings.SupervisionActed action, String productName) {
    return Facts.of()
        .put("projectId", action.projectId())
        .put("county", action.county())
        .put("action", action.action())
        .put("matchId", action.matchId())
        .put("productId", action.productId())
        .put("productName", productName)
        .put("reason", action.reason())
        .put("note", action.note())
        .put("operatorRegion", action.operatorRegion())
        .put("actedBy", action.actor().clientId())
        .put("actedAt", action.actedAt());
  }

  Mono<Void> released(Happenings.MatchReleased release) {
    return knowledge.released(release.matchId(), release.cause());
  }

  /** Every answer of a bank reaches the county of the demand. */
  Mono<Void> responded(EventEnvelope event, Happenings.BankResponded response) {
    Kind kind = answerKind(event, response.answer());
    Stage next = Stage.startedBy(response.answer());
    Mono<Optional<LocalDate>> deadline =
        next == null
            ? Mono.just(Optional.empty())
            : knowledge
                .announcedWorkingDays(response.matchId(), next)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(
                    announced ->
                        Optional.of(
                            stages.deadline(next, response.respondedAt(), announced.orElse(null))));
    return deadline
        .flatMap(
            due ->
                knowledge.answered(
                    response.matchId(),
                    event.time(),
                    next,
                    due.orElse(null),
                    response.projectId(),
                    response.bankCode(),
                    response.productId()))
        .flatMap(
            known ->
                notices.publish(
                    List.of(
                        new NewNotification(
                            Audience.county(response.county()),
                            kind,
                            response.projectId().toString(),
                            response.county(),
                            event.id(),
                            Facts.of()
                                .put("responseId", response.responseId())
                                .put("matchId", response.matchId())
                                .put("projectId", response.projectId())
                                .put("projectTitle", known.projectTitle())
                                .put("bankCode", response.bankCode())
                                .put("bankName", known.bankName())
                                .put("productId", response.productId())
                                .put("productName", known.productName())
                                .put("answer", response.answer())
                                .put("amount", response.amount())
                                .put("annualRate", response.annualRate())
                                .put("termMonths", response.termMonths())
                                .put("declineReason", response.declineReason())
                                .put("note", response.note())
                                .put("disbursedOn", response.disbursedOn())
                                .put("intendedTotal", response.totals().intended())
                                .put("approvedTotal", response.totals().approved())
                                .put("disbursedTotal", response.totals().disbursed())
                                .build()))))
        .then();
  }

  private static Kind answerKind(EventEnvelope event, String answer) {
    return switch (answer) {
      case "INTEREST" -> Kind.BANK_INTEREST;
      case "DECLINE" -> Kind.BANK_DECLINE;
      case "APPROVAL" -> Kind.BANK_APPROVAL;
      case "DISBURSEMENT" -> Kind.BANK_DISBURSEMENT;
      default ->
          throw new PoisonEventException(
              "%s %s has an unknown answer %s".formatted(event.type(), event.id(), answer));
    };
  }

  /** The product-catalog changes of the county's region, for the county. */
  Mono<Void> digest(EventEnvelope event, Happenings.CatalogDigest digest) {
    if (digest.products().isEmpty()) {
      return Mono.empty();
    }
    Map<String, Object> facts =
        Facts.of()
            .put("county", digest.county())
            .put("from", digest.from())
            .put("to", digest.to())
            .put("productCount", digest.products().size())
            .put(
                "products",
                digest.products().stream()
                    .map(
                        product ->
                            Facts.of()
                                .put("productId", product.productId())
                                .put("bankCode", product.bankCode())
                                .put("bankName", product.bankName())
                                .put("name", product.name())
                                .put("category", product.category())
                                .put("change", product.change())
                                .build())
                    .toList())
            .build();
    SortedMap<String, String> bankNames = new TreeMap<>();
    // Members of a list's elements are not checked on arrival: an entry without both is passed
    // over.
    digest.products().stream()
        .filter(product -> product.bankCode() != null && product.bankName() != null)
        .forEach(product -> bankNames.put(product.bankCode(), product.bankName()));
    return knowledge
        .rememberBanks(bankNames)
        .then(
            notices.publish(
                List.of(
                    new NewNotification(
                        Audience.county(digest.county()),
                        Kind.CATALOG_DIGEST,
                        digest.county(),
                        digest.county(),
                        event.id(),
                        facts))))
        .then();
  }
}
