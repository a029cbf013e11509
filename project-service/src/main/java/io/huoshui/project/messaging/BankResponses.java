package io.huoshui.project.messaging;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.project.application.BankAnswer;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.persistence.MatchStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The banks' answers to pushed demand ({@code huoshui.bank-responses}), each applied once. */
@Component
class BankResponses {

  static final String TOPIC = "huoshui.bank-responses";
  static final String CONSUMER = "project-service.bank-responses";
  static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";

  private final EventConsumer events;
  private final ProjectService projects;

  BankResponses(EventConsumer events, ProjectService projects) {
    this.events = events;
    this.projects = projects;
  }

  @KafkaListener(topics = TOPIC, groupId = "project-service")
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    if (!RESPONDED.equals(event.type())) {
      return Mono.empty();
    }
    BankResponded response = Payload.checked(event, events.payload(event, BankResponded.class));
    return projects.answered(response.toAnswer(event));
  }

  record BankResponded(
      UUID matchId,
      UUID projectId,
      String bankCode,
      UUID productId,
      String answer,
      BigDecimal amount,
      BigDecimal annualRate,
      Integer termMonths,
      String declineReason,
      String note,
      LocalDate disbursedOn,
      Instant respondedAt,
      Totals totals)
      implements Payload {

    record Totals(BigDecimal intended, BigDecimal approved, BigDecimal disbursed) {}

    @Override
    public Object[] required() {
      return new Object[] {
        matchId,
        projectId,
        bankCode,
        productId,
        answer,
        respondedAt,
        totals,
        totals == null ? null : totals.intended(),
        totals == null ? null : totals.approved(),
        totals == null ? null : totals.disbursed()
      };
    }

    BankAnswer toAnswer(EventEnvelope event) {
      BankAnswer.Kind kind;
      try {
        kind = BankAnswer.Kind.valueOf(answer);
      } catch (IllegalArgumentException unknown) {
        throw new PoisonEventException(
            "%s %s carries an unknown answer %s".formatted(event.type(), event.id(), answer));
      }
      return new BankAnswer(
          matchId,
          projectId,
          bankCode,
          productId,
          kind,
          amount,
          annualRate,
          termMonths,
          declineReason,
          note,
          disbursedOn,
          respondedAt,
          new MatchStore.Totals(
              totals.intended().setScale(2),
              totals.approved().setScale(2),
              totals.disbursed().setScale(2)));
    }
  }
}
