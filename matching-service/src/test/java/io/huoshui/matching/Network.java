package io.huoshui.matching;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The rest of the network as the tests play it: project-service's demands, credit-service's
 * products and answers published straight to their topics in the envelope of docs/events.md, and
 * identity-service's provisioning of a bank's topic.
 */
final class Network {

  private final KafkaTemplate<String, String> kafka;
  private final EventCodec codec;
  private final Admin admin;
  private final String bootstrapServers;

  Network(KafkaTemplate<String, String> kafka, EventCodec codec, Admin admin, String servers) {
    this.kafka = kafka;
    this.codec = codec;
    this.admin = admin;
    this.bootstrapServers = servers;
  }

  /** The topics of project-service and credit-service, which their services declare. */
  void declareProducersTopics() {
    for (String topic : List.of("huoshui.projects", "huoshui.products", "huoshui.bank-responses")) {
      createTopic(topic, 3);
    }
  }

  /** What identity-service does when an operator registers a bank. */
  void provisionBank(String bankCode) {
    createTopic(Topics.bankMatches(bankCode), 1);
  }

  private void createTopic(String name, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A plain product of the bank: 1–50 M CNY, 1–5 years, any industry, size and collateral. */
  Map<String, Object> product(String bankCode, String region, String minRate) {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("productId", UUID.randomUUID().toString());
    product.put("bankCode", bankCode);
    product.put("bankName", bankCode + " 银行");
    product.put("bankLevel", "COUNTY_BRANCH");
    product.put("name", bankCode + " 兴优贷");
    product.put("category", "WORKING_CAPITAL");
    product.put("minAmount", new BigDecimal("1000000.00"));
    product.put("maxAmount", new BigDecimal("50000000.00"));
    product.put("minTermMonths", 12);
    product.put("maxTermMonths", 60);
    product.put("minAnnualRate", new BigDecimal(minRate));
    product.put("maxAnnualRate", new BigDecimal(minRate));
    product.put("industries", List.of());
    product.put("enterpriseSizes", List.of());
    product.put("regions", List.of(region));
    product.put("collateral", List.of());
    product.put("tags", List.of());
    product.put("validFrom", LocalDate.of(2026, 1, 1));
    product.put("validTo", null);
    product.put("budget", null);
    product.put("remainingBudget", null);
    product.put("status", "ACTIVE");
    product.put("version", 1);
    return product;
  }

  void publishProduct(String type, Map<String, Object> product) {
    send(
        "huoshui.products",
        "io.huoshui.credit." + type + ".v1",
        product.get("productId").toString(),
        product);
  }

  /** The toy plant of 山西德儒教育装备: 7 M CNY for three years against its plant and machines. */
  Map<String, Object> demand(String county) {
    Map<String, Object> demand = new LinkedHashMap<>();
    UUID id = UUID.randomUUID();
    demand.put("projectId", id.toString());
    demand.put("county", county);
    demand.put("title", "年产110万套玩具生产线");
    demand.put("description", "教育装备与玩具生产基地");
    demand.put(
        "enterprise",
        Map.of("name", "山西德儒教育装备有限公司", "creditCode", "91140428MA0K123456", "size", "SMALL"));
    demand.put("industry", "INDUSTRY_AND_SOFTWARE");
    demand.put("purpose", "FIXED_ASSETS");
    demand.put("totalInvestment", new BigDecimal("200000000.00"));
    demand.put("amountRequested", new BigDecimal("7000000.00"));
    demand.put("termMonths", 36);
    demand.put("collateral", List.of("REAL_ESTATE", "EQUIPMENT"));
    demand.put("tags", List.of("KEY_PROJECT"));
    demand.put("contact", Map.of("name", "王经理", "phone", "13800000000"));
    demand.put("submittedAt", Instant.parse("2026-09-25T01:00:00Z"));
    demand.put("version", 1);
    return demand;
  }

  String publishProject(String type, Map<String, Object> data) {
    return send(
        "huoshui.projects",
        "io.huoshui.project." + type + ".v1",
        data.get("projectId").toString(),
        data);
  }

  /** The same record delivered twice, as after a relay retry or a rebalance. */
  void publishProjectTwice(String type, Map<String, Object> data) {
    String subject = data.get("projectId").toString();
    String wire =
        codec.write(codec.envelope("io.huoshui.project." + type + ".v1", subject, data, null));
    kafka.send("huoshui.projects", subject, wire).join();
    kafka.send("huoshui.projects", subject, wire).join();
  }

  void respond(String projectId, String matchId, String bankCode, String answer, Instant at) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("responseId", UUID.randomUUID().toString());
    response.put("matchId", matchId);
    response.put("projectId", projectId);
    response.put("county", "any");
    response.put("bankCode", bankCode);
    response.put("productId", UUID.randomUUID().toString());
    response.put("answer", answer);
    response.put("declineReason", "DECLINE".equals(answer) ? "OUTSIDE_CREDIT_POLICY" : null);
    response.put("respondedAt", at);
    send("huoshui.bank-responses", "io.huoshui.credit.BankResponded.v1", projectId, response);
  }

  /** Sends an envelope; returns its id. */
  String send(String topic, String type, String subject, Object payload) {
    EventEnvelope envelope = codec.envelope(type, subject, payload, null);
    kafka.send(topic, subject, codec.write(envelope)).join();
    return envelope.id();
  }

  void sendRaw(String topic, String key, String value) {
    kafka.send(topic, key, value).join();
  }

  private boolean isEnvelope(String value) {
    try {
      codec.read(value);
      return true;
    } catch (PoisonEventException notAnEnvelope) { // a dead-lettered record may be anything
      return false;
    }
  }

  /** The envelopes with the key on the topic, once at least {@code count} of the types arrived. */
  List<EventEnvelope> awaitEvents(String topic, String key, Set<String> types, int count) {
    List<EventEnvelope> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          if (key.equals(record.key()) && isEnvelope(record.value())) {
            EventEnvelope event = codec.read(record.value());
            if (types.contains(event.type())) {
              found.add(event);
            }
          }
        }
        if (found.size() >= count) {
          return found;
        }
      }
    }
    throw new AssertionError(
        "only "
            + found.size()
            + " of "
            + count
            + " "
            + types
            + " with key "
            + key
            + " on "
            + topic);
  }
}
