package io.huoshui.eventing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * How every service reads the network's topics: a batch per poll, handed to {@link
 * EventConsumer#consume}, with as many listener threads as the topics have partitions ({@code
 * huoshui.events.partitions}), so that one partition's events stay in order on one thread while the
 * partitions are applied side by side. A listener that must see every partition itself (a broadcast
 * read in a group of its own) uses {@link KafkaListener} directly.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@KafkaListener(batch = "true", concurrency = "${huoshui.events.partitions:3}")
public @interface EventBatchListener {

  /** The topics read, all keyed alike (see {@code Topics}). */
  @AliasFor(annotation = KafkaListener.class, attribute = "topics")
  String[] topics();

  /** The consumer group, which is also the consumer's name in its event-id log. */
  @AliasFor(annotation = KafkaListener.class, attribute = "groupId")
  String groupId();
}
