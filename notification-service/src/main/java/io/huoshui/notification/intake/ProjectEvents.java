package io.huoshui.notification.intake;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * huoshui.projects: the demands' titles for the counties' texts, and their withdrawal for the banks
 * that hold them.
 */
@Component
class ProjectEvents {

  static final String TOPIC = "huoshui.projects";
  static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  static final String UPDATED = "io.huoshui.project.ProjectUpdated.v1";
  static final String WITHDRAWN = "io.huoshui.project.ProjectWithdrawn.v1";

  private final EventConsumer events;
  private final Knowledge knowledge;
  private final Notices notices;

  ProjectEvents(EventConsumer events, Knowledge knowledge, Notices notices) {
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
      case SUBMITTED, UPDATED -> {
        Payloads.ProjectDemand demand = events.payload(event, Payloads.ProjectDemand.class);
        yield knowledge.rememberProject(
            demand.projectId(), demand.county(), demand.title(), demand.version());
      }
      case WITHDRAWN -> withdrawn(event, events.payload(event, Payloads.ProjectWithdrawn.class));
      default -> Intake.ignored(event);
    };
  }

  private Mono<Void> withdrawn(EventEnvelope event, Payloads.ProjectWithdrawn withdrawal) {
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
}
