package io.huoshui.bankkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the bank does with each verified event of its topic. */
public interface MatchHandler {

  /**
   * Acts on one event. It returns once the bank has done what the event calls for; its offset is
   * committed after that, so an event whose handling threw is read again after a restart.
   */
  void handle(MatchEvent event) throws Exception;

  /** A record that failed verification; it is skipped, and by default only logged. */
  default void rejected(ConsumerRecord<String, String> record, EventVerifier.InvalidEvent why) {}
}
