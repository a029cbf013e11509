package io.huoshui.servicetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.DeadLetters;
import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.EventingProperties;
import io.huoshui.eventing.Outbox;
import io.huoshui.testsupport.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What every Huoshui data service shows against real PostgreSQL and a real Kafka broker. A service
 * test extends it and names its database with {@code @RealInfrastructure}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServicePlatformContract {

  @Autowired private WebTestClient http;
  @Autowired private DatabaseClient database;
  @Autowired private TransactionalOperator transaction;
  @Autowired private Outbox outbox;
  @Autowired private EventCodec codec;
  @Autowired private EventingProperties events;
  @Autowired private Admin kafkaHealthAdmin;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping routes;

  @Value("${spring.application.name}")
  private String application;

  @Value("${spring.kafka.bootstrap-servers}")
  private String bootstrapServers;

  @Value("${local.server.port}")
  private int port;

  @Test
  void isHealthyWithItsDatabaseAndKafka() {
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafka.status")
        .isEqualTo("UP")
        .jsonPath("$.components.kafka.details.brokers")
        .isEqualTo(1);
  }

  @Test
  void exposesPrometheusMetricsTaggedWithItsName() {
    // A context shared with a service's API tests has many HTTP timers by now: more than the
    // client's default 256 KB buffer.
    // On a connection of its own, as Prometheus scrapes: the server (Reactor Netty) can stop
    // reading a kept-alive connection after an earlier request on it was refused by the security
    // chain, and a scrape sent on that connection then waits until the client gives up. The
    // scrape itself took 7 ms when it was finally read, 60 s late, on a CI run.
    String scrape =
        WebTestClient.bindToServer(
                new ReactorClientHttpConnector(
                    HttpClient.create(ConnectionProvider.newConnection())))
            .baseUrl("http://localhost:" + port)
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .responseTimeout(Duration.ofSeconds(60))
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(scrape)
        .contains("huoshui_outbox_backlog")
        .contains("jvm_memory_used_bytes")
        .contains("application=\"" + application + "\"");
  }

  @Test
  void answersItsApiOnlyToAValidTokenWithAProblemOtherwise() {
    http.get()
        .uri("/api/v1/anything")
        .header("X-Request-Id", "contract-check-0001")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals("X-Request-Id", "contract-check-0001")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.trace")
        .doesNotExist();
    http.get()
        .uri("/api/v1/anything")
        .header("Authorization", "Bearer not-a-token")
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void ownsAMigratedDatabaseWithTheOutboxTheConsumerLogAndTheIdempotencyRecord() {
    List<String> tables =
        database
            .sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
            .map(row -> row.get(0, String.class))
            .all()
            .collectList()
            .block();
    assertThat(tables)
        .contains("event_outbox", "consumed_event", "idempotent_request", "flyway_schema_history");
  }

  @Test
  void declaresItsTopicsWithTheirDeadLetterTopics() throws Exception {
    Set<String> topics = kafkaHealthAdmin.listTopics().names().get();
    for (String produced : events.produces()) {
      assertThat(topics).contains(produced, DeadLetters.topicFor(produced));
    }
    for (String consumed : events.consumes()) {
      assertThat(topics).contains(DeadLetters.topicFor(consumed));
    }
  }

  @Test
  void anEventLeavesThroughTheOutboxToItsTopic() {
    // A service that announces nothing (notification-service tells people, not services) has no
    // topic of its own to carry an event.
    Assumptions.assumeFalse(events.produces().isEmpty(), "the service produces no events");
    String topic = events.produces().get(0);
    String subject = "contract-" + UUID.randomUUID();
    EventEnvelope written =
        outbox
            .append(topic, "io.huoshui.contract.Checked.v1", subject, Map.of("county", "长子县"))
            .as(transaction::transactional)
            .block();

    ConsumerRecord<String, String> received =
        KafkaRecords.awaitRecord(bootstrapServers, topic, subject);

    EventEnvelope read = codec.read(received.value());
    assertThat(read.id()).isEqualTo(written.id());
    assertThat(read.source()).hasToString("/huoshui/" + application);
    assertThat(read.subject()).isEqualTo(subject);
    assertThat(read.data().get("county").asString()).isEqualTo("长子县");
  }

  @Test
  void servesItsApiDocumentWithEveryRouteItAnswers() {
    String document =
        http.get()
            .uri("/openapi/" + application + ".yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JsonNode paths = YAMLMapper.builder().build().readTree(document).get("paths");
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (String method : path.getValue().propertyNames()) {
        documented.add(
            method.toUpperCase(Locale.ROOT) + " " + withoutParameterNames(path.getKey()));
      }
    }
    Set<String> routed = new TreeSet<>();
    routes
        .getHandlerMethods()
        .keySet()
        .forEach(
            mapping ->
                mapping
                    .getPatternsCondition()
                    .getPatterns()
                    .forEach(
                        pattern ->
                            mapping
                                .getMethodsCondition()
                                .getMethods()
                                .forEach(
                                    method ->
                                        routed.add(
                                            method.name()
                                                + " "
                                                + withoutParameterNames(
                                                    pattern.getPatternString())))));
    assertThat(routed).as("the routes of the service's controllers").isNotEmpty();
    assertThat(documented).as("the routes its API document describes").containsAll(routed);
  }

  /** {@code /api/v1/projects/{id}} and {@code /api/v1/projects/{projectId}} are one route. */
  private static String withoutParameterNames(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
