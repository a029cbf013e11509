package io.huoshui.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Where records go that cannot be processed: {@code <topic>.dlt}, with the original topic,
 * partition, offset, consumer group and the exception in Kafka headers, ready to inspect and
 * replay.
 */
public final class DeadLetters implements ConsumerRecordRecoverer {

  public static final String SUFFIX = ".dlt";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final DeadLetterPublishingRecoverer publisher;
  private final MeterRegistry meters;

  DeadLetters(KafkaTemplate<?, ?> template, MeterRegistry meters) {
    // A negative partition lets Kafka choose, so a dead-letter topic need not mirror its source.
    this.publisher =
        new DeadLetterPublishingRecoverer(
            template, (record, error) -> new TopicPartition(topicFor(record.topic()), -1));
    this.meters = meters;
  }

  public static String topicFor(String topic) {
    return topic + SUFFIX;
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception error) {
    log.error(
        "Dead-lettering {}-{}@{} to {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        topicFor(record.topic()),
        rootMessage(error));
    publisher.accept(record, error);
    meters.counter("huoshui.events.dead.lettered", "topic", record.topic()).increment();
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
