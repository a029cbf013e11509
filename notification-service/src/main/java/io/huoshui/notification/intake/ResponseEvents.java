package io.huoshui.notification.intake;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** huoshui.bank-responses: every answer of a bank reaches the county of the demand. */
@Component
class ResponseEvents {

  static final String TOPIC = "huoshui.bank-responses";
  static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";

  private final EventConsumer events;
  private final Knowledge knowledge;
  private final Notices notices;

  ResponseEvents(EventConsumer events, Knowledge knowledge, Notices notices) {
    this.events = events;
    this.knowledge = knowledge;
    this.notices = notices;
  }

  @KafkaListener(topics = TOPIC, groupId = Intake.CONSUMER)
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, Intake.CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    if (!RESPONDED.equals(event.type())) {
      return Intake.ignored(event);
    }
    Payloads.BankResponded response = events.payload(event, Payloads.BankResponded.class);
    Kind kind = kindOf(event, response.answer());
    return knowledge
        .answered(response.matchId(), event.time())
        .then(
            Mono.zip(
                knowledge.projectTitle(response.projectId()),
                knowledge.bankName(response.bankCode()),
                knowledge
                    .match(response.matchId())
                    .map(KnownMatch::productName)
                    .defaultIfEmpty(String.valueOf(response.productId()))))
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
                                .put("projectTitle", known.getT1())
                                .put("bankCode", response.bankCode())
                                .put("bankName", known.getT2())
                                .put("productId", response.productId())
                                .put("productName", known.getT3())
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

  private static Kind kindOf(EventEnvelope event, String answer) {
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
}
