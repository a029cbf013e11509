package io.huoshui.matching.messaging;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.matching.application.ReverseMatching;
import io.huoshui.matching.domain.Product;
import io.huoshui.matching.persistence.ProductStore;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Products, read by every instance in a consumer group of its own: each instance matches its
 * demands against the whole catalog. Idempotent by version rather than by event id (every instance
 * applies every event, and the copy in the database keeps the newest version only); a product new
 * or changed in this instance's index is reverse-matched against its open demands.
 */
@Component
class ProductListener {

  static final String TOPIC = "huoshui.products";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final ProductStore products;
  private final ReverseMatching reverseMatching;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ProductListener(
      EventCodec codec,
      ProductStore products,
      ReverseMatching reverseMatching,
      TransactionalOperator transaction,
      Clock clock) {
    this.codec = codec;
    this.products = products;
    this.reverseMatching = reverseMatching;
    this.transaction = transaction;
    this.clock = clock;
  }

  @KafkaListener(
      topics = TOPIC,
      groupId = "matching-service.catalog.${huoshui.matching.instance-id}")
  void on(ConsumerRecord<String, String> record) {
    EventEnvelope event = codec.read(record.value());
    switch (event.type()) {
      case "io.huoshui.credit.ProductPublished.v1",
          "io.huoshui.credit.ProductUpdated.v1",
          "io.huoshui.credit.ProductRetired.v1" -> {
        Product product = codec.payload(event, Payloads.ProductChanged.class).product(event);
        products.save(product, clock.instant()).as(transaction::transactional).block(PATIENCE);
        reverseMatching.productChanged(product);
      }
      default -> {
        // a type this service does not act on
      }
    }
  }
}
