package io.huoshui.notification;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import java.util.Map;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes envelopes as the other services' outbox relays do: keyed by subject, on the topic. */
@Component
public class Producers {

  private final KafkaTemplate<String, String> kafka;
  private final EventCodec codec;

  Producers(KafkaTemplate<String, String> kafka, EventCodec codec) {
    this.kafka = kafka;
    this.codec = codec;
  }

  /** A new event; returned so that a test can send the very same one again. */
  public EventEnvelope event(String type, String subject, Map<String, Object> data) {
    return codec.envelope(type, subject, data, null);
  }

  public EventEnvelope publish(
      String topic, String type, String subject, Map<String, Object> data) {
    EventEnvelope event = event(type, subject, data);
    send(topic, event);
    return event;
  }

  public void send(String topic, EventEnvelope event) {
    kafka.send(topic, event.subject(), codec.write(event)).join();
  }

  public void sendRaw(String topic, String key, String value) {
    kafka.send(topic, key, value).join();
  }
}
