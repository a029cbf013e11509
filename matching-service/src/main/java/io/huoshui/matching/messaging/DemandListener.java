package io.huoshui.matching.messaging;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.matching.application.Matchmaking;
import io.huoshui.matching.application.OpenDemands;
import io.huoshui.matching.application.ReverseMatching;
import io.huoshui.matching.config.MatchingProperties;
import io.huoshui.matching.persistence.DemandStore;
import io.huoshui.matching.persistence.StoredDemand;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Demands and the banks' answers to them, in the service's consumer group: both topics are keyed by
 * project id with the same partition count, so one listener subscribed to both gets the same
 * partition numbers of each, and the instance that owns a demand's partition alone decides about
 * it. Its open-demand index follows the assignment.
 */
@Component
class DemandListener implements ConsumerSeekAware {

  static final String PROJECTS = "huoshui.projects";
  static final String RESPONSES = "huoshui.bank-responses";
  static final String CONSUMER = "matching-service.demands";

  private final EventConsumer events;
  private final Matchmaking matchmaking;
  private final OpenDemands openDemands;
  private final DemandStore demands;
  private final MatchingProperties settings;
  private final ReverseMatching reverseMatching;

  DemandListener(
      EventConsumer events,
      Matchmaking matchmaking,
      OpenDemands openDemands,
      DemandStore demands,
      MatchingProperties settings,
      ReverseMatching reverseMatching) {
    this.events = events;
    this.matchmaking = matchmaking;
    this.openDemands = openDemands;
    this.demands = demands;
    this.settings = settings;
    this.reverseMatching = reverseMatching;
  }

  @KafkaListener(
      topics = {PROJECTS, RESPONSES},
      groupId = "matching-service")
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, CONSUMER, event -> apply(event, record.partition()));
  }

  private Mono<Void> apply(EventEnvelope event, int partition) {
    return switch (event.type()) {
      case "io.huoshui.project.ProjectSubmitted.v1", "io.huoshui.project.ProjectUpdated.v1" -> {
        Payloads.ProjectChanged changed = events.payload(event, Payloads.ProjectChanged.class);
        yield matchmaking.demandChanged(
            changed.demand(event), changed.version(), partition, changed.submittedAt());
      }
      case "io.huoshui.project.ProjectWithdrawn.v1" -> {
        Payloads.ProjectWithdrawn withdrawn =
            events.payload(event, Payloads.ProjectWithdrawn.class).checked(event);
        yield matchmaking.withdrawn(withdrawn.projectId(), withdrawn.version());
      }
      case "io.huoshui.credit.BankResponded.v1" -> {
        Payloads.BankResponded response =
            events.payload(event, Payloads.BankResponded.class).checked(event);
        yield matchmaking.answered(
            response.projectId(), response.matchId(), response.answer(), response.respondedAt());
      }
      default -> Mono.empty(); // a type this service does not act on
    };
  }

  /**
   * Loads the open demands of newly assigned partitions (on the consumer's own thread) and has them
   * catch up with the products received shortly before.
   */
  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekAware.ConsumerSeekCallback callback) {
    assignments.keySet().stream()
        .filter(partition -> PROJECTS.equals(partition.topic()))
        .forEach(
            partition -> {
              openDemands.assign(
                  partition.partition(),
                  demands
                      .withRoom(List.of(partition.partition()), settings.banksPerDemand())
                      .map(StoredDemand::demand)
                      .collectList()
                      .block());
              reverseMatching.catchUp(partition.partition());
            });
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    partitions.stream()
        .filter(partition -> PROJECTS.equals(partition.topic()))
        .forEach(partition -> openDemands.revoke(partition.partition()));
  }
}
