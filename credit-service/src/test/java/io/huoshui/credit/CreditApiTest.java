package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestClock;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API tests share: the running service on a random port, with real PostgreSQL and Kafka,
 * and helpers that act as operators, banks and the other services (whose events are written
 * straight to their topics).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// On a machine crowded by other builds a first request can wait out the default 5 s; what the
// tests check is the answer, not how fast it comes.
@AutoConfigureWebTestClient(timeout = "PT60S")
@CreditServiceTest
public abstract class CreditApiTest {

  protected static final String ZHANGZI = "140428";
  protected static final String CHANGZHI = "1404";

  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  @Autowired protected WebTestClient http;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected DatabaseClient database;
  @Autowired protected EventCodec codec;
  @Autowired protected JsonMapper json;
  @Autowired protected TestClock clock;

  @Value("${spring.kafka.bootstrap-servers}")
  protected String bootstrapServers;

  /**
   * What identity-service does when an operator registers a bank: its own topic. Without it this
   * service's outbox could not hand the bank its matches, and would hold back every later event.
   */
  protected void provisionBankTopic(String code) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(List.of(new NewTopic(Topics.bankMatches(code), 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("the bank's topic was not created", e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("the bank's topic was not created", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A bank of its own for each test, so that tests never see each other's products or inbox, with
   * its topic.
   */
  protected String newBank(String level) {
    String code = "bank-" + UUID.randomUUID().toString().substring(0, 8);
    provisionBankTopic(code);
    http.post()
        .uri("/api/v1/banks")
        .headers(h -> h.setBearerAuth(TestTokens.operator(CHANGZHI)))
        .bodyValue(Map.of("code", code, "name", "测试银行" + code, "level", level))
        .exchange()
        .expectStatus()
        .isCreated();
    return code;
  }

  /** The catalog's example product (the API document's), with the given fields replaced. */
  protected static Map<String, Object> product(Object... overrides) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "碳配额质押贷款");
    body.put("category", "GREEN");
    body.put("minAmount", "1000000.00");
    body.put("maxAmount", "50000000.00");
    body.put("minTermMonths", 6);
    body.put("maxTermMonths", 60);
    body.put("minAnnualRate", "3.20");
    body.put("maxAnnualRate", "4.50");
    body.put("industries", List.of("INDUSTRY_AND_SOFTWARE"));
    body.put("enterpriseSizes", List.of("SMALL", "MEDIUM"));
    body.put("regions", List.of(CHANGZHI));
    body.put("collateral", List.of("CARBON_QUOTA", "EQUIPMENT"));
    body.put("tags", List.of("GREEN"));
    body.put("validFrom", "2026-01-01");
    body.put("validTo", "2027-12-31");
    body.put("budget", "500000000.00");
    for (int i = 0; i < overrides.length; i += 2) {
      body.put((String) overrides[i], overrides[i + 1]);
    }
    return body;
  }

  /**
   * An instrument of the kind as the API document's examples issue it, with the given members
   * replaced; a member of {@code eligibility} or {@code benefit} is named with its object ({@code
   * "benefit.feeRate"}), and a null value leaves the member out.
   */
  protected static Map<String, Object> instrument(String kind, Object... overrides) {
    Map<String, Object> eligibility = new LinkedHashMap<>();
    Map<String, Object> benefit = new LinkedHashMap<>();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("issuerRegion", CHANGZHI);
    body.put("name", "测试政策工具");
    body.put("eligibility", eligibility);
    body.put("benefit", benefit);
    body.put("budget", "50000000.00");
    body.put("validFrom", "2026-01-01");
    body.put("validTo", "2027-12-31");
    eligibility.put("regions", List.of(CHANGZHI));
    eligibility.put("industries", List.of("AGRICULTURE", "INDUSTRY_AND_SOFTWARE"));
    eligibility.put("enterpriseSizes", List.of("MICRO", "SMALL"));
    eligibility.put("purposes", List.of("WORKING_CAPITAL"));
    eligibility.put("tags", List.of("FIRST_LOAN"));
    eligibility.put("maxAmount", "10000000.00");
    eligibility.put("maxTermMonths", 36);
    switch (kind) {
      case "INTEREST_SUBSIDY" -> {
        benefit.put("subsidyPoints", "1.50");
        benefit.put("subsidyCeiling", "200000.00");
      }
      case "GUARANTEE" -> {
        benefit.put("coverageRatio", "80.00");
        benefit.put("feeRate", "0.75");
      }
      default -> benefit.put("lossShare", "40.00");
    }
    for (int i = 0; i < overrides.length; i += 2) {
      String[] path = ((String) overrides[i]).split("\\.");
      @SuppressWarnings("unchecked")
      Map<String, Object> parent =
          path.length == 1 ? body : (Map<String, Object>) body.get(path[0]);
      String member = path[path.length - 1];
      if (overrides[i + 1] == null) {
        parent.remove(member);
      } else {
        parent.put(member, overrides[i + 1]);
      }
    }
    return body;
  }

  protected WebTestClient.ResponseSpec post(String token, String uri, Object body) {
    return http.post()
        .uri(uri)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  protected WebTestClient.ResponseSpec postWithKey(
      String token, String uri, String idempotencyKey, Object body) {
    return http.post()
        .uri(uri)
        .headers(
            h -> {
              h.setBearerAuth(token);
              h.set("Idempotency-Key", idempotencyKey);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  protected JsonNode get(String token, String uri) {
    return http.get()
        .uri(uri)
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JsonNode.class)
        .returnResult()
        .getResponseBody();
  }

  /** The service's Prometheus scrape, as the network's Prometheus reads it. */
  protected String scrape() {
    return http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  protected static JsonNode body(WebTestClient.ResponseSpec response) {
    return response.expectBody(JsonNode.class).returnResult().getResponseBody();
  }

  /** Publishes a product for the bank and returns it as the API answered. */
  protected JsonNode publish(String bankCode, Map<String, Object> product) {
    return body(
        post(TestTokens.bank(bankCode), "/api/v1/products", product).expectStatus().isCreated());
  }

  /** Writes an event to a topic as the service owning it would. */
  protected EventEnvelope send(
      String topic, String service, String type, String subject, Object data) {
    EventEnvelope envelope =
        new EventEnvelope(
            EventEnvelope.SPEC_VERSION,
            UUID.randomUUID().toString(),
            URI.create("/huoshui/" + service),
            type,
            subject,
            Instant.now(),
            EventEnvelope.DATA_CONTENT_TYPE,
            null,
            json.valueToTree(data));
    sendRaw(topic, subject, codec.write(envelope));
    return envelope;
  }

  protected void sendRaw(String topic, String key, String value) {
    kafka.send(topic, key, value).join();
  }

  /**
   * A producer's example payload of the event type, about the subject, as a map whose members a
   * test may change but not invent: a member the producer renamed fails the test here.
   */
  protected static Payload example(String type, String name, String subject) {
    return Payload.of(type, Contracts.example(type, name).about(subject).envelope().data());
  }

  /** An example payload; its nested objects are as strict as itself. */
  protected static final class Payload extends LinkedHashMap<String, Object> {

    private final String type;

    private Payload(String type) {
      this.type = type;
    }

    private static Payload of(String type, JsonNode data) {
      Payload payload = new Payload(type);
      for (Map.Entry<String, JsonNode> member : data.properties()) {
        JsonNode value = member.getValue();
        payload.add(
            member.getKey(),
            value.isObject() ? of(type, value) : PLAIN.treeToValue(value, Object.class));
      }
      return payload;
    }

    @Override
    public Object put(String member, Object value) {
      if (!containsKey(member)) {
        throw new AssertionError(
            "the producer's example of %s has no member %s".formatted(type, member));
      }
      return super.put(member, value);
    }

    private void add(String member, Object value) {
      super.put(member, value);
    }

    /** A nested object of the example. */
    public Payload object(String member) {
      if (!(get(member) instanceof Payload nested)) {
        throw new AssertionError(
            "the producer's example of %s has no object %s".formatted(type, member));
      }
      return nested;
    }
  }

  /** project-service's full demand (ProjectSubmitted, ProjectUpdated) of the county. */
  protected static Payload demand(
      String type, UUID projectId, String county, String amount, int version) {
    Payload demand =
        example(
            type,
            type.equals(EventTypes.PROJECT_SUBMITTED) ? "toy-plant" : "amount-raised",
            projectId.toString());
    demand.put("county", county);
    demand.put("amountRequested", amount);
    demand.put("version", version);
    return demand;
  }

  protected void submitDemand(UUID projectId, String county, String amount) {
    send(
        Topics.PROJECTS,
        "project-service",
        EventTypes.PROJECT_SUBMITTED,
        projectId.toString(),
        demand(EventTypes.PROJECT_SUBMITTED, projectId, county, amount, 1));
  }

  /** matching-service's MatchProposed, for a demand of Zhangzi county asking for the amount. */
  protected static Payload proposal(
      UUID matchId, UUID projectId, String bankCode, String productId, String amount) {
    return proposal("province-bank", matchId, projectId, bankCode, productId, amount);
  }

  /** As {@link #proposal}, from the producer's example of that name. */
  protected static Payload proposal(
      String example,
      UUID matchId,
      UUID projectId,
      String bankCode,
      String productId,
      String amount) {
    Payload match = example(EventTypes.MATCH_PROPOSED, example, projectId.toString());
    match.put("matchId", matchId.toString());
    match.put("county", ZHANGZI);
    match.put("bankCode", bankCode);
    match.put("productId", productId);
    match.put("tier", "CITY");
    match.put("deadline", LocalDate.now().plusDays(5).toString());
    match.put("proposedAt", Instant.now().minusSeconds(3600).toString());
    match.object("demand").put("county", ZHANGZI);
    match.object("demand").put("amountRequested", amount);
    return match;
  }

  /** Writes matching-service's MatchProposed of the demand to the bank's product. */
  protected EventEnvelope propose(
      UUID matchId, UUID projectId, String bankCode, String productId, String amount) {
    return send(
        Topics.MATCHES,
        "matching-service",
        EventTypes.MATCH_PROPOSED,
        projectId.toString(),
        proposal(matchId, projectId, bankCode, productId, amount));
  }

  /** A match matching-service proposed: to whom, about what, and the event it wrote. */
  protected record Proposed(
      String bank, String productId, UUID projectId, UUID matchId, EventEnvelope event) {

    public String key() {
      return projectId.toString();
    }
  }

  /**
   * A new city branch with the example product, and a demand of Zhangzi county for 30 million
   * proposed to it; the consumer may not have stored it yet.
   */
  protected Proposed proposeToNewBank() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    UUID projectId = UUID.randomUUID();
    submitDemand(projectId, ZHANGZI, "30000000.00");
    return proposeAgain(new Proposed(bank, productId, projectId, UUID.randomUUID(), null));
  }

  /** The same match proposed once more under a new event id, as a replay of matching's does. */
  protected Proposed proposeAgain(Proposed match) {
    EventEnvelope event =
        propose(match.matchId(), match.projectId(), match.bank(), match.productId(), "30000000.00");
    return new Proposed(match.bank(), match.productId(), match.projectId(), match.matchId(), event);
  }

  /** Pushes a demand of Zhangzi county to the bank's product and waits until its inbox has it. */
  protected UUID pushMatch(String bankCode, String productId, String amount) {
    UUID projectId = UUID.randomUUID();
    UUID matchId = UUID.randomUUID();
    submitDemand(projectId, ZHANGZI, amount);
    propose(matchId, projectId, bankCode, productId, amount);
    awaitMatch(matchId);
    return matchId;
  }

  /** Publishes the catalog's example product for the bank; answers the product's id. */
  protected String publishProduct(String bankCode) {
    return publish(bankCode, product()).get("productId").asString();
  }

  /** The demand a match of the bank's inbox is about. */
  protected String projectOf(String bankCode, UUID matchId) {
    return get(TestTokens.bank(bankCode), "/api/v1/matches/" + matchId)
        .get("match")
        .get("projectId")
        .asString();
  }

  /** Writes matching-service's MatchReleased of the bank's match, for the cause. */
  protected EventEnvelope release(
      UUID matchId, String projectId, String bank, String productId, String cause) {
    Payload release = example(EventTypes.MATCH_RELEASED, "declined", projectId);
    release.put("matchId", matchId.toString());
    release.put("county", ZHANGZI);
    release.put("bankCode", bank);
    release.put("productId", productId);
    release.put("cause", cause);
    release.put("releasedAt", Instant.now().toString());
    return send(Topics.MATCHES, "matching-service", EventTypes.MATCH_RELEASED, projectId, release);
  }

  /** Writes matching-service's MatchEscalated of the bank's match: YELLOW, due 2026-12-31. */
  protected EventEnvelope escalate(UUID matchId, String projectId, String bank, String productId) {
    Payload escalation = example(EventTypes.MATCH_ESCALATED, "yellow", projectId);
    escalation.put("matchId", matchId.toString());
    escalation.put("county", ZHANGZI);
    escalation.put("bankCode", bank);
    escalation.put("productId", productId);
    escalation.put("colour", "YELLOW");
    escalation.put("deadline", "2026-12-31");
    escalation.put("escalatedAt", Instant.now().toString());
    return send(
        Topics.MATCHES, "matching-service", EventTypes.MATCH_ESCALATED, projectId, escalation);
  }

  protected void awaitMatch(UUID matchId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                database
                        .sql("SELECT count(*) FROM bank_match WHERE match_id = :id")
                        .bind("id", matchId)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block()
                    == 1);
  }

  protected WebTestClient.ResponseSpec answer(String bankCode, UUID matchId, Object body) {
    return post(TestTokens.bank(bankCode), "/api/v1/matches/" + matchId + "/responses", body);
  }

  /** Asserts a problem+json answer with its rule's code. */
  protected static void assertProblem(
      WebTestClient.ResponseSpec response, int status, String code) {
    JsonNode problem =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    if (code != null) {
      assertThat(problem.get("code").asString()).isEqualTo(code);
    }
  }

  /** Asserts a 400 problem naming the field. */
  protected static void assertInvalid(WebTestClient.ResponseSpec response, String field) {
    JsonNode problem =
        response
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
    assertThat(fields).contains(field);
  }

  /** The envelopes with this key on the topic, once there are as many as the condition wants. */
  protected List<EventEnvelope> events(
      String topic, String key, Predicate<List<EventEnvelope>> enough) {
    return records(topic, key, values -> enough.test(values.stream().map(codec::read).toList()))
        .stream()
        .map(codec::read)
        .toList();
  }

  /** The raw values with this key on the topic, once there are as many as the condition wants. */
  protected List<String> records(String topic, String key, Predicate<List<String>> enough) {
    List<String> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          if (key.equals(record.key())) {
            found.add(record.value());
          }
        }
        if (enough.test(found)) {
          return found;
        }
      }
    }
    throw new AssertionError("only " + found.size() + " records with key " + key + " on " + topic);
  }

  /** Whether the consumer has applied, or recognised as a duplicate, the event. */
  protected boolean consumed(String consumer, String eventId) {
    return database
            .sql(
                "SELECT count(*) FROM consumed_event WHERE consumer = :consumer AND event_id = :id")
            .bind("consumer", consumer)
            .bind("id", eventId)
            .map(row -> row.get(0, Long.class))
            .one()
            .block()
        == 1;
  }
}
