package io.huoshui.matching.messaging;

import io.huoshui.eventing.EventBatchListener;
import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventHandlers;
import io.huoshui.matching.application.CatalogChanges;
import io.huoshui.matching.application.MatchingProperties;
import io.huoshui.matching.application.Matchmaking;
import io.huoshui.matching.application.Partitions;
import io.huoshui.matching.domain.Product;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Every event matching-service consumes, a polled batch at a time.
 *
 * <p>Demands and the banks' answers to them are read in the service's consumer group, one listener
 * thread per partition: both topics are keyed by project id with the same partition count, so the
 * instance that is assigned a partition number of both alone decides about its demands, and its
 * open-demand index follows the assignment of {@code huoshui.projects}.
 *
 * <p>Products and policy instruments are read by every instance in a consumer group of its own,
 * because each instance matches against the whole catalog; one thread, as the index has one writer.
 * They go through the event consumer like the rest, with a consumer log of their own per instance:
 * the same checks and dead-lettering for every topic, one transaction per batch. The log only skips
 * redeliveries; the product table keeps the newest version whatever the order, so a replay is
 * harmless.
 */
@Component
class MatchingListener implements ConsumerSeekAware {

  /** The consumer log's name for demands and answers; a rename would replay them all. */
  static final String DEMANDS = "matching-service.demands";

  private final EventConsumer events;
  private final CatalogChanges catalog;
  private final Partitions partitions;
  private final EventHandlers demands;
  private final String catalogConsumer;

  MatchingListener(
      EventConsumer events,
      Matchmaking matchmaking,
      CatalogChanges catalog,
      Partitions partitions,
      MatchingProperties settings) {
    this.events = events;
    this.catalog = catalog;
    this.partitions = partitions;
    this.catalogConsumer = "matching-service.catalog." + settings.instanceId();
    this.demands =
        EventHandlers.of(DEMANDS)
            .on(
                Set.of(EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_UPDATED),
                Incoming.ProjectChanged.class,
                Incoming.ProjectChanged::projectId,
                (changed, delivery) ->
                    matchmaking.demandChanged(
                        changed.demand(),
                        changed.version(),
                        delivery.partition(),
                        changed.submittedAt()))
            .on(
                EventTypes.PROJECT_WITHDRAWN,
                Incoming.ProjectWithdrawn.class,
                Incoming.ProjectWithdrawn::projectId,
                (withdrawn, delivery) ->
                    matchmaking.withdrawn(withdrawn.projectId(), withdrawn.version()))
            .on(
                EventTypes.PROJECT_CLOSED,
                Incoming.ProjectClosed.class,
                Incoming.ProjectClosed::projectId,
                (closed, delivery) -> matchmaking.closed(closed.projectId(), closed.version()))
            .on(
                EventTypes.BANK_RESPONDED,
                Incoming.BankResponded.class,
                Incoming.BankResponded::projectId,
                (response, delivery) ->
                    matchmaking.answered(response.projectId(), response.bankAnswer()))
            .build();
  }

  @EventBatchListener(
      topics = {Topics.PROJECTS, Topics.BANK_RESPONSES},
      groupId = "matching-service")
  void onDemands(List<ConsumerRecord<String, String>> records) {
    events.consume(records, demands);
  }

  @KafkaListener(
      topics = Topics.PRODUCTS,
      groupId = "matching-service.catalog.${huoshui.matching.instance-id}",
      batch = "true")
  void onProducts(List<ConsumerRecord<String, String>> records) {
    Queue<Product> committed = new ConcurrentLinkedQueue<>();
    try {
      events.consume(records, products(committed));
    } finally {
      // What committed before a failing record is in the database: the index follows it.
      catalog.apply(committed);
    }
  }

  /** The product handlers of one poll, collecting what its transactions committed. */
  private EventHandlers products(Collection<Product> committed) {
    return EventHandlers.of(catalogConsumer)
        .on(
            Set.of(
                EventTypes.PRODUCT_PUBLISHED,
                EventTypes.PRODUCT_UPDATED,
                EventTypes.PRODUCT_RETIRED),
            Incoming.ProductChanged.class,
            Incoming.ProductChanged::productId,
            (changed, delivery) -> catalog.received(changed.product(), committed))
        .on(
            Set.of(
                EventTypes.INSTRUMENT_PUBLISHED,
                EventTypes.INSTRUMENT_UPDATED,
                EventTypes.INSTRUMENT_RETIRED),
            Incoming.InstrumentChanged.class,
            Incoming.InstrumentChanged::instrumentId,
            (changed, delivery) -> catalog.instrumentReceived(changed.instrument()))
        .build();
  }

  /**
   * Both listeners are told of their assignments; only the demand partitions matter here. Called on
   * the consumer's own thread before the partitions' records are polled.
   */
  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekAware.ConsumerSeekCallback callback) {
    assignments.keySet().stream()
        .filter(partition -> Topics.PROJECTS.equals(partition.topic()))
        .forEach(partition -> partitions.assigned(partition.partition()));
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
    revoked.stream()
        .filter(partition -> Topics.PROJECTS.equals(partition.topic()))
        .forEach(partition -> partitions.revoked(partition.partition()));
  }
}
