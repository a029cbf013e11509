package io.huoshui.notification.intake;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** huoshui.matches: pushes, no-matches and escalations for counties, banks and operators. */
@Component
class MatchEvents {

  static final String TOPIC = "huoshui.matches";
  static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  static final String NO_MATCH = "io.huoshui.matching.NoMatch.v1";
  static final String ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  static final String RELEASED = "io.huoshui.matching.MatchReleased.v1";

  private final EventConsumer events;
  private final Knowledge knowledge;
  private final Notices notices;

  MatchEvents(EventConsumer events, Knowledge knowledge, Notices notices) {
    this.events = events;
    this.knowledge = knowledge;
    this.notices = notices;
  }

  @KafkaListener(topics = TOPIC, groupId = Intake.CONSUMER)
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, Intake.CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    return switch (event.type()) {
      case PROPOSED -> proposed(event, events.payload(event, Payloads.MatchProposed.class));
      case NO_MATCH -> noMatch(event, events.payload(event, Payloads.NoMatch.class));
      case ESCALATED -> escalated(event, events.payload(event, Payloads.MatchEscalated.class));
      case RELEASED -> released(events.payload(event, Payloads.MatchReleased.class));
      default -> Intake.ignored(event);
    };
  }

  private Mono<Void> proposed(EventEnvelope event, Payloads.MatchProposed match) {
    Payloads.Demand demand = match.demand();
    KnownMatch known =
        new KnownMatch(
            match.matchId(),
            match.projectId(),
            match.county(),
            match.bankCode(),
            match.productId(),
            match.productName(),
            demand.amountRequested(),
            match.deadline());
    String subject = match.projectId().toString();
    return knowledge
        .rememberMatch(known)
        .then(
            Mono.zip(
                knowledge.projectTitle(match.projectId()), knowledge.bankName(match.bankCode())))
        .flatMap(
            titleAndBank -> {
              Facts toCounty =
                  Facts.of()
                      .put("matchId", match.matchId())
                      .put("projectId", match.projectId())
                      .put("county", match.county())
                      .put("bankCode", match.bankCode())
                      .put("productId", match.productId())
                      .put("productName", match.productName())
                      .put("tier", match.tier())
                      .put("rank", match.rank())
                      .put("score", match.score())
                      .put("deadline", match.deadline())
                      .put("projectTitle", titleAndBank.getT1())
                      .put("bankName", titleAndBank.getT2());
              // What a bank receives never names the enterprise: its copy carries the anonymised
              // demand, not the title.
              Facts toBank =
                  Facts.of()
                      .put("matchId", match.matchId())
                      .put("projectId", match.projectId())
                      .put("county", match.county())
                      .put("productId", match.productId())
                      .put("productName", match.productName())
                      .put("tier", match.tier())
                      .put("rank", match.rank())
                      .put("score", match.score())
                      .put("deadline", match.deadline())
                      .put("industry", demand.industry())
                      .put("enterpriseSize", demand.enterpriseSize())
                      .put("amountRequested", demand.amountRequested())
                      .put("termMonths", demand.termMonths())
                      .put("purpose", demand.purpose());
              return notices.publish(
                  List.of(
                      new NewNotification(
                          Audience.county(match.county()),
                          Kind.MATCH_PROPOSED,
                          subject,
                          match.county(),
                          event.id(),
                          toCounty.build()),
                      new NewNotification(
                          Audience.bank(match.bankCode()),
                          Kind.MATCH_PROPOSED,
                          subject,
                          match.county(),
                          event.id(),
                          toBank.build())));
            })
        .then();
  }

  private Mono<Void> noMatch(EventEnvelope event, Payloads.NoMatch decision) {
    return knowledge
        .projectTitle(decision.projectId())
        .flatMap(
            title -> {
              var facts =
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
              List<Audience> audiences = new ArrayList<>();
              audiences.add(Audience.county(decision.county()));
              audiences.addAll(Audience.operatorsOf(decision.county()));
              return notices.publish(
                  audiences.stream()
                      .map(
                          audience ->
                              new NewNotification(
                                  audience,
                                  Kind.NO_MATCH,
                                  decision.projectId().toString(),
                                  decision.county(),
                                  event.id(),
                                  facts))
                      .toList());
            })
        .then();
  }

  private Mono<Void> escalated(EventEnvelope event, Payloads.MatchEscalated escalation) {
    return knowledge
        .escalated(escalation.matchId(), escalation.colour())
        .then(
            Mono.zip(
                knowledge.projectTitle(escalation.projectId()),
                knowledge.bankName(escalation.bankCode()),
                knowledge
                    .match(escalation.matchId())
                    .map(KnownMatch::productName)
                    .defaultIfEmpty(String.valueOf(escalation.productId()))))
        .flatMap(
            known -> {
              Facts toBank =
                  Facts.of()
                      .put("matchId", escalation.matchId())
                      .put("projectId", escalation.projectId())
                      .put("county", escalation.county())
                      .put("productId", escalation.productId())
                      .put("productName", known.getT3())
                      .put("colour", escalation.colour())
                      .put("deadline", escalation.deadline());
              var toCounty =
                  Facts.of()
                      .put("matchId", escalation.matchId())
                      .put("projectId", escalation.projectId())
                      .put("projectTitle", known.getT1())
                      .put("county", escalation.county())
                      .put("bankCode", escalation.bankCode())
                      .put("bankName", known.getT2())
                      .put("productId", escalation.productId())
                      .put("productName", known.getT3())
                      .put("colour", escalation.colour())
                      .put("deadline", escalation.deadline())
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
                      toBank.build()));
              if ("RED".equals(escalation.colour())) {
                Audience.operatorsOf(escalation.county())
                    .forEach(
                        operators ->
                            notifications.add(
                                new NewNotification(
                                    operators,
                                    Kind.MATCH_ESCALATED,
                                    subject,
                                    escalation.county(),
                                    event.id(),
                                    toCounty)));
              }
              return notices.publish(notifications);
            })
        .then();
  }

  private Mono<Void> released(Payloads.MatchReleased release) {
    return knowledge.released(release.matchId(), release.cause());
  }
}
