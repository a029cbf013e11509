package io.huoshui.matching;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the network as the tests play it: project-service's demands, credit-service's
 * products and answers, each made from its producer's example payload and published straight to its
 * topic in the envelope of docs/events.md.
 */
final class Network {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
    for (String topic : List.of(Topics.PROJECTS, Topics.PRODUCTS, Topics.BANK_RESPONSES)) {
      createTopic(topic, 3);
    }
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

  /**
   * A producer's example payload played for a subject of the test's. A member the test sets must be
   * one the producer's example has: a member the producer renamed then fails the test instead of
   * being sent under its old name.
   */
  static final class Payload extends LinkedHashMap<String, Object> {

    private final String type;

    private Payload(String type, Map<String, Object> members) {
      super(members);
      this.type = type;
    }

    /** The producer's example of the event type, about a new subject of its own. */
    static Payload of(String type, String example) {
      return about(type, example, UUID.randomUUID().toString());
    }

    /** The producer's example of the event type, about the subject. */
    @SuppressWarnings("unchecked")
    static Payload about(String type, String example, String subject) {
      Contracts.Example played = Contracts.example(type, example).about(subject);
      return new Payload(
          type, JSON.readValue(JSON.writeValueAsString(played.envelope().data()), Map.class));
    }

    @Override
    public Object put(String member, Object value) {
      if (!containsKey(member)) {
        throw new AssertionError(
            "the producer's example of %s has no member %s".formatted(type, member));
      }
      return super.put(member, value);
    }
  }

  /**
   * credit-service's example product made plain for the bank: 1–50 M CNY, 1–5 years, any industry,
   * size and collateral, no budget, valid from 2026.
   */
  Map<String, Object> product(String bankCode, String region, String minRate) {
    return product("project-loan", bankCode, region, minRate);
  }

  /** As {@link #product(String, String, String)}, from another of credit-service's examples. */
  Map<String, Object> product(String example, String bankCode, String region, String minRate) {
    Payload product = Payload.of(EventTypes.PRODUCT_PUBLISHED, example);
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

  /**
   * credit-service's example instrument (first-loan-subsidy, guarantee-fund or risk-pool), made to
   * serve the one county only, so that no other test's demand meets it.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> instrument(String example, String county) {
    Payload instrument = Payload.of(EventTypes.INSTRUMENT_PUBLISHED, example);
    Map<String, Object> eligibility =
        new LinkedHashMap<>((Map<String, Object>) instrument.get("eligibility"));
    eligibility.put("regions", List.of(county));
    instrument.put("eligibility", eligibility);
    return instrument;
  }

  /** Publishes an instrument as credit-service does, on the products' topic. */
  void publishInstrument(String type, Map<String, Object> instrument) {
    send(Topics.PRODUCTS, type, instrument.get("instrumentId").toString(), instrument);
  }

  /**
   * Publishes a product as credit-service does, as ProductPublished, ProductUpdated or
   * ProductRetired.
   */
  void publishProduct(String type, Map<String, Object> product) {
    send(Topics.PRODUCTS, type, product.get("productId").toString(), product);
  }

  /**
   * project-service's example demand, the toy plant of 山西德儒教育装备, in the county: a small enterprise
   * asking 7 M CNY for three years against its plant and machines.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> demand(String county) {
    Payload demand = Payload.of(EventTypes.PROJECT_SUBMITTED, "toy-plant");
    demand.put("county", county);
    Map<String, Object> enterprise =
        new LinkedHashMap<>((Map<String, Object>) demand.get("enterprise"));
    enterprise.put("size", "SMALL");
    demand.put("enterprise", enterprise);
    demand.put("industry", "INDUSTRY_AND_SOFTWARE");
    demand.put("purpose", "FIXED_ASSETS");
    demand.put("amountRequested", new BigDecimal("7000000.00"));
    demand.put("termMonths", 36);
    demand.put("collateral", List.of("REAL_ESTATE", "EQUIPMENT"));
    demand.put("tags", List.of("KEY_PROJECT"));
    demand.put("submittedAt", Instant.parse("2026-09-25T01:00:00Z"));
    demand.put("version", 1);
    return demand;
  }

  /** project-service's example withdrawal of the demand, at its version. */
  Map<String, Object> withdrawal(String projectId, String county, Instant at, long version) {
    Payload withdrawal =
        Payload.about(EventTypes.PROJECT_WITHDRAWN, "financed-elsewhere", projectId);
    withdrawal.put("county", county);
    withdrawal.put("withdrawnAt", at);
    withdrawal.put("version", version);
    return withdrawal;
  }

  /** Publishes a demand's event as project-service does; returns the event's id. */
  String publishProject(String type, Map<String, Object> data) {
    return send(Topics.PROJECTS, type, data.get("projectId").toString(), data);
  }

  /** The same record delivered twice, as after a relay retry or a rebalance. */
  void publishProjectTwice(String type, Map<String, Object> data) {
    String subject = data.get("projectId").toString();
    String wire = codec.write(codec.envelope(type, subject, data, EventTypes.schemaOf(type)));
    kafka.send(Topics.PROJECTS, subject, wire).join();
    kafka.send(Topics.PROJECTS, subject, wire).join();
  }

  /** credit-service's example of the bank's answer (INTEREST, DECLINE, APPROVAL, DISBURSEMENT). */
  void respond(String projectId, String matchId, String bankCode, String answer, Instant at) {
    send(
        Topics.BANK_RESPONSES,
        EventTypes.BANK_RESPONDED,
        projectId,
        answer(projectId, matchId, bankCode, answer, at));
  }

  private static Payload answer(
      String projectId, String matchId, String bankCode, String answer, Instant at) {
    Payload response =
        Payload.about(EventTypes.BANK_RESPONDED, answer.toLowerCase(Locale.ROOT), projectId);
    response.put("matchId", matchId);
    response.put("bankCode", bankCode);
    response.put("respondedAt", at);
    return response;
  }

  /**
   * credit-service's example of the bank's answer, with the match's sums after it: what the bank
   * has approved and paid out for the match in all.
   */
  void respond(
      String projectId,
      String matchId,
      String bankCode,
      String answer,
      Instant at,
      String approved,
      String disbursed) {
    Payload response = answer(projectId, matchId, bankCode, answer, at);
    @SuppressWarnings("unchecked")
    Map<String, Object> totals = new LinkedHashMap<>((Map<String, Object>) response.get("totals"));
    totals.put("approved", approved);
    totals.put("disbursed", disbursed);
    response.put("totals", totals);
    send(Topics.BANK_RESPONSES, EventTypes.BANK_RESPONDED, projectId, response);
  }

  /** credit-service's example decline, for the reason given. */
  void decline(String projectId, String matchId, String bankCode, String reason, Instant at) {
    Payload response = answer(projectId, matchId, bankCode, "DECLINE", at);
    response.put("declineReason", reason);
    send(Topics.BANK_RESPONSES, EventTypes.BANK_RESPONDED, projectId, response);
  }

  /** project-service's example closure of the demand by its county, at its version. */
  Map<String, Object> closure(String projectId, String county, Instant at, long version) {
    Payload closure = Payload.about(EventTypes.PROJECT_CLOSED, "financed-elsewhere", projectId);
    closure.put("county", county);
    closure.put("closedAt", at);
    closure.put("version", version);
    return closure;
  }

  /** Sends an envelope; returns its id. */
  String send(String topic, String type, String subject, Object payload) {
    EventEnvelope envelope = codec.envelope(type, subject, payload, EventTypes.schemaOf(type));
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
