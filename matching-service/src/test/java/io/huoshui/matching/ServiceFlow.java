package io.huoshui.matching;

import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventCodec;
import io.huoshui.matching.application.SupervisionSweep;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.testsupport.TestClock;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What the service's end-to-end tests share: the network played on real Kafka, the API read with
 * tokens, the test clock and the sweep. Each test works in a county of its own, so that their
 * products never meet each other's demands.
 */
@MatchingServiceTest
abstract class ServiceFlow {

  static final String MATCHES = Topics.MATCHES;
  static final String PROPOSED = EventTypes.MATCH_PROPOSED;
  static final String ESCALATED = EventTypes.MATCH_ESCALATED;
  static final String RELEASED = EventTypes.MATCH_RELEASED;
  static final String NO_MATCH = EventTypes.NO_MATCH;

  WebTestClient http;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired Admin kafkaHealthAdmin;
  @Autowired TestClock clock;
  @Autowired SupervisionSweep sweep;
  @Autowired MeterRegistry meters;
  @Autowired ProductIndex productIndex;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  Network network;

  @Autowired
  void client(WebTestClient client) {
    // The build machine is shared: an answer may take longer than the default 5 s to arrive.
    http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @BeforeEach
  void friday25September() {
    clock.set(Instant.parse("2026-09-25T01:00:00Z")); // 09:00 in Shanxi
    network = new Network(kafka, codec, kafkaHealthAdmin, bootstrapServers);
    network.declareProducersTopics();
  }

  void sweepOn(String instant) {
    clock.set(Instant.parse(instant));
    sweep.sweep();
  }

  /** Products and demands travel on different topics: the catalogue is awaited first. */
  void publishProducts(String type, List<Map<String, Object>> products) {
    products.forEach(product -> network.publishProduct(type, product));
    for (Map<String, Object> product : products) {
      UUID id = UUID.fromString(product.get("productId").toString());
      long version = ((Number) product.get("version")).longValue();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> productIndex.get(id).filter(p -> p.version() == version).isPresent());
    }
  }

  List<String> colours(String projectId, String county) {
    JsonNode matches = fetchMatches(projectId, county);
    return matches
        .valueStream()
        .map(m -> m.path("colour").isNull() ? "null" : m.path("colour").asString())
        .toList();
  }

  /** The supervision board as the financial office of the county's city reads it. */
  String board(String colour, String county) {
    return http.get()
        .uri("/api/v1/supervision?colour={c}&county={county}", colour, county)
        .headers(h -> h.setBearerAuth(TestTokens.operator(county.substring(0, 4))))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  String status(String projectId, String county, int index) {
    JsonNode matches = fetchMatches(projectId, county);
    return matches.size() > index ? matches.get(index).get("status").asString() : "";
  }

  /**
   * A product of each bank in the county, the first the cheapest, and a demand of the county
   * submitted and pushed to all of them; returns the demand as published.
   */
  Map<String, Object> pushedTo(String county, String... banks) {
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        IntStream.range(0, banks.length)
            .mapToObj(i -> network.product(banks[i], county, "3." + (i + 1) + "00"))
            .toList());
    Map<String, Object> demand = network.demand(county);
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    awaitMatches(demand.get("projectId").toString(), county, banks.length);
    return demand;
  }

  /** Awaits the member of the demand's match at the index to read as the value. */
  void awaitMatch(String projectId, String county, int index, String member, String value) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                value.equals(
                    fetchMatches(projectId, county).path(index).path(member).asString("")));
  }

  JsonNode awaitMatches(String projectId, String county, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fetchMatches(projectId, county), matches -> matches.size() >= count);
  }

  JsonNode awaitDemand(String projectId, String county, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> fetchDemand(projectId, county),
            view -> view != null && status.equals(view.get("status").asString()));
  }

  JsonNode fetchMatches(String projectId, String county) {
    JsonNode view = fetchDemand(projectId, county);
    return view == null ? JsonNodeFactory.instance.arrayNode() : view.get("matches");
  }

  JsonNode fetchDemand(String projectId, String county) {
    return fetchDemand(projectId, county, "zh");
  }

  /** The demand's view as its county reads it in the given Accept-Language. */
  JsonNode fetchDemand(String projectId, String county, String language) {
    var result =
        http.get()
            .uri("/api/v1/projects/{id}/matches", projectId)
            .headers(h -> h.setBearerAuth(TestTokens.county(county)))
            .header("Accept-Language", language)
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();
    return result.getStatus().value() == 200 ? result.getResponseBody() : null;
  }
}
