package io.huoshui.notification.intake;

import io.huoshui.eventing.EventConsumer;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Kind;
import io.huoshui.notification.notice.NewNotification;
import io.huoshui.notification.notice.Notices;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** huoshui.catalog: the product-catalog digest of a county's region, for that county. */
@Component
class CatalogEvents {

  static final String TOPIC = "huoshui.catalog";
  static final String DIGEST = "io.huoshui.credit.CatalogDigest.v1";

  private final EventConsumer events;
  private final Knowledge knowledge;
  private final Notices notices;

  CatalogEvents(EventConsumer events, Knowledge knowledge, Notices notices) {
    this.events = events;
    this.knowledge = knowledge;
    this.notices = notices;
  }

  @KafkaListener(topics = TOPIC, groupId = Intake.CONSUMER)
  void on(ConsumerRecord<String, String> record) {
    events.consume(record, Intake.CONSUMER, this::apply);
  }

  private Mono<Void> apply(EventEnvelope event) {
    if (!DIGEST.equals(event.type())) {
      return Intake.ignored(event);
    }
    Payloads.CatalogDigest digest = events.payload(event, Payloads.CatalogDigest.class);
    if (digest.products().isEmpty()) {
      return Mono.empty();
    }
    var facts =
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
    return knowledge
        .rememberBanks(digest.products())
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
