package io.huoshui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.RealInfrastructure;
import io.huoshui.testsupport.SharedInfrastructure;
import io.huoshui.testsupport.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one Spring context of project-service's tests (the same configuration as the platform
 * contract's, so Spring caches a single context): the service on a random port against real
 * PostgreSQL and Kafka, with helpers to call its API and to play the services it listens to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealInfrastructure(database = "project")
@Import(TestClockConfig.class)
// The unfollowed intentions are counted when a test asks, never on their schedule, so that no
// background read adds to the round trips a test counts.
@TestPropertySource(properties = "huoshui.matchmaking.metrics-refresh=P1D")
public abstract class ProjectServiceTest {

  public static final String MATCHES = "huoshui.matches";
  public static final String BANK_RESPONSES = "huoshui.bank-responses";

  private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

  static {
    createTopicsOfOtherServices();
  }

  protected WebTestClient http;
  @Autowired protected DatabaseClient database;
  @Autowired protected EventCodec codec;
  @Autowired protected KafkaTemplate<String, String> kafka;

  @Value("${spring.kafka.bootstrap-servers}")
  protected String bootstrapServers;

  /**
   * The test client, patient: on a crowded machine an answer may take longer than the default 5 s,
   * which says nothing about what the service answers.
   */
  @Autowired
  void client(WebTestClient client) {
    http = client.mutate().responseTimeout(Duration.ofMinutes(1)).build();
  }

  /** The API document's example demand (the toy plant), as a mutable tree a test may change. */
  public static Map<String, Object> toyPlant() {
    Map<String, Object> enterprise = new LinkedHashMap<>();
    enterprise.put("name", "山西德儒教育装备有限公司");
    enterprise.put("creditCode", "91140428MA0JX12346");
    enterprise.put("size", "MEDIUM");
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", "王宇");
    contact.put("phone", "13800000000");
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("title", "年产110万件玩具项目");
    demand.put("description", "…");
    demand.put("enterprise", enterprise);
    demand.put("industry", "INDUSTRY_AND_SOFTWARE");
    demand.put("purpose", "FIXED_ASSETS");
    demand.put("totalInvestment", "200000000.00");
    demand.put("amountRequested", "70000000.00");
    demand.put("termMonths", 36);
    demand.put("collateral", List.of("REAL_ESTATE", "EQUIPMENT"));
    demand.put("tags", List.of("KEY_PROJECT"));
    demand.put("contact", contact);
    return demand;
  }

  /** Submits a demand as the county and answers its id. */
  protected UUID submit(String county, Map<String, Object> demand) {
    URI location =
        http.post()
            .uri("/api/v1/projects")
            .headers(h -> h.setBearerAuth(TestTokens.county(county)))
            .bodyValue(demand)
            .exchange()
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    return idAt(location);
  }

  /** The id a created resource's address ends with. */
  protected static UUID idAt(URI location) {
    String path = location.getPath();
    return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * The body of a GET that must answer 200 to the token's client, asking for a language ({@code
   * Accept-Language}) unless it is null, and for a format ({@code Accept}) unless that is null.
   */
  protected byte[] read(String uri, String token, String language, String accept) {
    return http.get()
        .uri(uri)
        .headers(
            h -> {
              h.setBearerAuth(token);
              if (language != null) {
                h.set("Accept-Language", language);
              }
              if (accept != null) {
                h.set("Accept", accept);
              }
            })
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult()
        .getResponseBody();
  }

  /** Publishes an event of another service as that service's relay would. */
  protected EventEnvelope publish(String topic, String type, UUID projectId, Object payload) {
    EventEnvelope event = codec.envelope(type, projectId.toString(), payload, null);
    publish(topic, event);
    return event;
  }

  protected void publish(String topic, EventEnvelope event) {
    kafka.send(topic, event.subject(), codec.write(event)).join();
  }

  /** The first event of this type about the subject on the topic; fails after 30 s. */
  protected EventEnvelope awaitEvent(String topic, String subject, String type) {
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          if (subject.equals(record.key())) {
            EventEnvelope event = codec.read(record.value());
            if (type.equals(event.type())) {
              return event;
            }
          }
        }
      }
    }
    throw new AssertionError("no " + type + " about " + subject + " on " + topic);
  }

  /**
   * A producer's example of an event, played about the demand: the members named (a path such as
   * {@code totals.intended} or {@code failures.0.rule}) take the values given, the others are
   * removed. Each must be a member the example has, so that a producer's rename fails the test
   * instead of being papered over by the test's own payload.
   */
  protected static EventEnvelope example(
      String type, String name, UUID projectId, Map<String, Object> replaced, String... removed) {
    EventEnvelope played = Contracts.example(type, name).about(projectId.toString()).envelope();
    JsonNode data = played.data().deepCopy();
    replaced.forEach(
        (path, value) -> {
          JsonNode parent = parentOf(type, name, data, path);
          String member = last(path);
          if (parent instanceof ArrayNode items) {
            items.set(Integer.parseInt(member), EXAMPLES.valueToTree(value));
          } else {
            ((ObjectNode) parent).set(member, EXAMPLES.valueToTree(value));
          }
        });
    for (String path : removed) {
      ((ObjectNode) parentOf(type, name, data, path)).remove(last(path));
    }
    return new EventEnvelope(
        played.specversion(),
        played.id(),
        played.source(),
        played.type(),
        played.subject(),
        played.time(),
        played.datacontenttype(),
        played.dataschema(),
        data);
  }

  private static JsonNode parentOf(String type, String name, JsonNode data, String path) {
    JsonNode node = data;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length; i++) {
      JsonNode next = node.isArray() ? node.get(Integer.parseInt(steps[i])) : node.get(steps[i]);
      assertThat(next).as("%s's example %s has %s", type, name, path).isNotNull();
      if (i < steps.length - 1) {
        node = next;
      }
    }
    return node;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  /**
   * How many records with this key the topic holds now: read from the beginning up to the end
   * offsets taken first, so that the answer counts everything written before the call and depends
   * on no reading time; the deadline only stops a broker that never answers.
   */
  protected int recordsWithKey(String topic, String key) {
    return recordsThat(topic, record -> key.equals(record.key()));
  }

  /** How many records the topic holds now that pass the test, read as {@link #recordsWithKey}. */
  protected int recordsThat(String topic, Predicate<ConsumerRecord<String, String>> counted) {
    int found = 0;
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(partition -> new TopicPartition(topic, partition.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end offsets " + ends);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          if (record.offset() < ends.get(partitionOf(record)) && counted.test(record)) {
            found++;
          }
        }
      }
    }
    return found;
  }

  private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }

  protected String status(UUID id) {
    return database
        .sql("SELECT status FROM project WHERE id = :id")
        .bind("id", id)
        .map(row -> row.get(0, String.class))
        .one()
        .block();
  }

  protected void awaitStatus(UUID id, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(id)));
  }

  protected long timelineSteps(UUID id, String step) {
    return count(
        "SELECT count(*) FROM project_timeline WHERE project_id = :v AND step = '%s'"
            .formatted(step),
        id);
  }

  /** The count a query answers whose one parameter is {@code :v}. */
  protected long count(String sql, Object value) {
    return database.sql(sql).bind("v", value).map(row -> row.get(0, Long.class)).one().block();
  }

  /**
   * matching-service and credit-service declare the topics this service reads; in these tests they
   * do not run, so the topics are made here before any listener subscribes.
   */
  private static void createTopicsOfOtherServices() {
    String servers = SharedInfrastructure.get().kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers))) {
      for (String topic : List.of(MATCHES, BANK_RESPONSES)) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create " + topic, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
