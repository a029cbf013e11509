package io.huoshui.load;

import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One desk per bank: a thread reading the bank's own topic as the bank's system does (its client id
 * and secret as SCRAM-SHA-512 credentials on the SASL listener, a group named after its client id),
 * noting when each MatchProposed arrives and handing it to {@link Answers}.
 */
final class BankDesks implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch assigned;
  private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  private BankDesks(int banks) {
    this.assigned = new CountDownLatch(banks);
  }

  static BankDesks open(
      String bootstrap, List<String> bankCodes, ObjectMapper json, Ledger ledger, Answers answers) {
    BankDesks desks = new BankDesks(bankCodes.size());
    for (String bankCode : bankCodes) {
      Thread thread =
          new Thread(
              () -> desks.read(bootstrap, bankCode, json, ledger, answers), "bank-" + bankCode);
      thread.setDaemon(true);
      desks.threads.add(thread);
      thread.start();
    }
    return desks;
  }

  /**
   * Waits until every bank holds its partitions at the end of its topic, so that no proposal of the
   * run is produced before its bank reads from there.
   */
  void awaitAssigned(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!assigned.await(100, TimeUnit.MILLISECONDS)) {
      if (!failures.isEmpty() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "%d bank consumer(s) got no partitions within %s: %s"
                .formatted(assigned.getCount(), limit, failures));
      }
    }
  }

  /** Banks whose reading stopped with an error, and the error. */
  Map<String, RuntimeException> failures() {
    return Map.copyOf(failures);
  }

  private void read(
      String bootstrap, String bankCode, ObjectMapper json, Ledger ledger, Answers answers) {
    String clientId = DemandMix.bankClient(bankCode);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config(bootstrap, clientId))) {
      readUntilClosed(consumer, bankCode, json, ledger, answers);
    } catch (RuntimeException e) {
      failures.put(bankCode, e);
    }
  }

  private void readUntilClosed(
      KafkaConsumer<String, String> consumer,
      String bankCode,
      ObjectMapper json,
      Ledger ledger,
      Answers answers) {
    consumer.subscribe(
        List.of(Topics.bankMatches(bankCode)),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Resolves "latest" now rather than at the next fetch.
            partitions.forEach(consumer::position);
            if (!partitions.isEmpty()) {
              assigned.countDown();
            }
          }

          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
    while (running) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        long arrived = System.nanoTime();
        long arrivedMillis = System.currentTimeMillis();
        JsonNode envelope = json.readTree(record.value());
        if (!EventTypes.MATCH_PROPOSED.equals(envelope.path("type").asString())) {
          continue;
        }
        JsonNode data = envelope.path("data");
        Ledger.Proposal proposal =
            new Ledger.Proposal(
                data.path("matchId").asString(),
                data.path("projectId").asString(),
                bankCode,
                Instant.parse(data.path("proposedAt").asString()).toEpochMilli(),
                arrived,
                arrivedMillis);
        if (ledger.proposed(proposal)) {
          answers.answer(proposal, data.path("demand").path("amountRequested").asString());
        }
      }
    }
  }

  private static Properties config(String bootstrap, String clientId) {
    Properties config = new Properties();
    config.putAll(
        Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            "SASL_PLAINTEXT",
            SaslConfigs.SASL_MECHANISM,
            "SCRAM-SHA-512",
            SaslConfigs.SASL_JAAS_CONFIG,
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"%s\" password=\"%s\";"
                    .formatted(clientId, Tokens.secretOf(clientId)),
            ConsumerConfig.GROUP_ID_CONFIG,
            clientId + "-load-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName()));
    return config;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }
}
