package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventCodec;
import io.huoshui.matching.domain.BankStanding;
import io.huoshui.matching.domain.Demand;
import io.huoshui.matching.domain.InstrumentIndex;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.domain.Proposal;
import io.huoshui.matching.domain.Scoring;
import io.huoshui.testsupport.TestClock;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.Collateral;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances in the service's consumer group decide exactly what one would, while demands flow
 * and the group rebalances twice: a second instance joins mid-stream and leaves again. What one
 * instance would decide is the engine's own answer for each demand against the catalogue; the test
 * compares every demand's matches with it and counts the proposals announced. The test works in a
 * province of its own (71), so that no other test's products or demands take part.
 */
@MatchingServiceTest
class ScaleOutTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 9, 25);
  private static final List<String> COUNTIES = List.of("710101", "710102", "710103", "710104");

  WebTestClient http;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired Admin kafkaHealthAdmin;
  @Autowired TestClock clock;
  @Autowired ProductIndex productIndex;
  @Autowired Environment environment;
  @Autowired DatabaseClient database;
  @Autowired JsonMapper json;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired
  void client(WebTestClient client) {
    // The build machine is shared: an answer may take longer than the default 5 s to arrive.
    http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }

  @Test
  void twoInstancesThroughARebalanceMatchExactlyAsOneWould() {
    clock.set(Instant.parse("2026-09-25T01:00:00Z"));
    Network network = new Network(kafka, codec, kafkaHealthAdmin, bootstrapServers);
    network.declareProducersTopics();
    List<Map<String, Object>> products = catalogue(network);
    products.forEach(product -> network.publishProduct(EventTypes.PRODUCT_PUBLISHED, product));
    ProductIndex catalogue = new ProductIndex();
    for (Map<String, Object> product : products) {
      UUID id = UUID.fromString(product.get("productId").toString());
      await().atMost(Duration.ofSeconds(30)).until(() -> productIndex.get(id).isPresent());
      catalogue.put(productIndex.get(id).orElseThrow());
    }
    Matcher oneInstance =
        new Matcher(catalogue, new InstrumentIndex(), new Scoring(bank -> BankStanding.NEW));
    List<Map<String, Object>> demands = demands(network, 36);
    UUID forgotten = demandItsFormerOwnerNeverMatched(network);

    // The second instance joins before the demands flow, so that both score with the same
    // snapshot of the banks' standings (see Standings); it leaves while a batch is in flight.
    try (ConfigurableApplicationContext second = secondInstance()) {
      publish(network, demands.subList(0, 12));
      awaitMatched(demands.subList(0, 12));
      publish(network, demands.subList(12, 24));
    }
    publish(network, demands.subList(24, 36));
    awaitMatched(demands);
    awaitMatched(List.of(Map.of("projectId", forgotten)));
    assertThat(matchesOf(forgotten.toString()).get(0).get("bankCode").asString())
        .isEqualTo("scale-late-rcb");

    for (Map<String, Object> demand : demands) {
      String projectId = demand.get("projectId").toString();
      List<Proposal> picks =
          ((MatchOutcome.Proposals) oneInstance.match(domain(demand), TODAY, Set.of(), 3)).picks();
      List<String> expected =
          IntStream.range(0, picks.size()).mapToObj(i -> describe(i + 1, picks.get(i))).toList();
      List<String> actual = new ArrayList<>();
      matchesOf(projectId)
          .forEach(
              match ->
                  actual.add(
                      match.get("rank").asInt()
                          + " "
                          + match.get("bankCode").asString()
                          + " "
                          + match.get("productId").asString()
                          + " "
                          + match.get("score").asString()));
      assertThat(actual).as("matches of %s", projectId).isEqualTo(expected);
      assertThat(proposalsWritten(projectId))
          .as("proposals announced for %s", projectId)
          .isEqualTo(3);
    }
  }

  private static String describe(int rank, Proposal proposal) {
    return "%d %s %s %s"
        .formatted(
            rank,
            proposal.product().bankCode(),
            proposal.product().productId(),
            proposal.score().total().toPlainString());
  }

  /**
   * A product received shortly before a rebalance, and a demand of partition 0 stored by a former
   * owner that had not applied the product yet: written behind this instance's back, so that no
   * instance holds the demand until the rebalance assigns its partition, whose new owner catches
   * up.
   */
  private UUID demandItsFormerOwnerNeverMatched(Network network) {
    Map<String, Object> late = network.product("scale-late-rcb", "710105", "4.500");
    network.publishProduct(EventTypes.PRODUCT_PUBLISHED, late);
    UUID lateId = UUID.fromString(late.get("productId").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> productIndex.get(lateId).isPresent());
    Demand demand =
        new Demand(
            UUID.randomUUID(),
            "710105",
            Industry.INDUSTRY_AND_SOFTWARE,
            EnterpriseSize.SMALL,
            Purpose.FIXED_ASSETS,
            new BigDecimal("5000000.00"),
            36,
            Set.of(Collateral.REAL_ESTATE),
            Set.of(),
            List.of());
    database
        .sql(
            """
            INSERT INTO demand (project_id, county, version, status, partition_no, data, submitted_at)
            VALUES (:id, '710105', 1, 'NO_MATCH', 0, CAST(:data AS jsonb), :at)
            """)
        .bind("id", demand.projectId())
        .bind("data", json.writeValueAsString(demand))
        .bind("at", clock.instant())
        .then()
        .block();
    return demand.projectId();
  }

  /** Both instances write to the one outbox: each proposal announced is a row there. */
  private long proposalsWritten(String projectId) {
    return database
        .sql(
            """
            SELECT count(*) AS written FROM event_outbox
            WHERE topic = 'huoshui.matches' AND message_key = :key AND event_type = :type
            """)
        .bind("key", projectId)
        .bind("type", "io.huoshui.matching.MatchProposed.v1")
        .map((row, meta) -> row.get("written", Long.class))
        .one()
        .block();
  }

  /** A second matching-service process, in the same group, on the same database and broker. */
  private ConfigurableApplicationContext secondInstance() {
    Map<String, Object> properties = new HashMap<>();
    for (String name :
        List.of(
            "spring.r2dbc.url",
            "spring.r2dbc.username",
            "spring.r2dbc.password",
            "spring.flyway.url",
            "spring.flyway.user",
            "spring.flyway.password",
            "spring.kafka.bootstrap-servers",
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri")) {
      properties.put(name, environment.getRequiredProperty(name));
    }
    properties.put("server.port", 0);
    properties.put("huoshui.matching.instance-id", "second");
    properties.put("huoshui.matching.sweep-interval", "1h");
    properties.put("huoshui.matching.standings-refresh", "1h");
    // As command-line arguments: they outrank the service's own defaults, as in production.
    return new SpringApplicationBuilder(MatchingServiceApplication.class, TestClockConfig.class)
        .run(
            properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new));
  }

  private void publish(Network network, List<Map<String, Object>> demands) {
    demands.forEach(demand -> network.publishProject(EventTypes.PROJECT_SUBMITTED, demand));
  }

  private void awaitMatched(List<Map<String, Object>> demands) {
    for (Map<String, Object> demand : demands) {
      String projectId = demand.get("projectId").toString();
      await().atMost(Duration.ofSeconds(60)).until(() -> matchesOf(projectId).size() == 3);
    }
  }

  private List<JsonNode> matchesOf(String projectId) {
    var result =
        http.get()
            .uri("/api/v1/projects/{id}/matches", projectId)
            .headers(h -> h.setBearerAuth(TestTokens.operator("71")))
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();
    if (result.getStatus().value() != 200) {
      return List.of();
    }
    return result.getResponseBody().get("matches").valueStream().toList();
  }

  /** Banks at county, city and province level with rates and ranges that differ. */
  private static List<Map<String, Object>> catalogue(Network network) {
    List<Map<String, Object>> products = new ArrayList<>();
    for (int i = 0; i < COUNTIES.size(); i++) {
      products.add(network.product("scale-rcb-" + i, COUNTIES.get(i), "4." + i + "00"));
    }
    for (int i = 0; i < 3; i++) {
      Map<String, Object> city = network.product("scale-city-" + i, "7101", "3." + (3 * i) + "00");
      city.put("maxAmount", new BigDecimal((i + 1) * 10_000_000 + ".00"));
      products.add(city);
      products.add(network.product("scale-province-" + i, "71", "3." + (2 * i + 1) + "50"));
    }
    return products;
  }

  private static List<Map<String, Object>> demands(Network network, int count) {
    List<Map<String, Object>> demands = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> demand = network.demand(COUNTIES.get(i % COUNTIES.size()));
      demand.put("amountRequested", new BigDecimal((1 + i % 7) * 3_000_000 + ".00"));
      demands.add(demand);
    }
    return demands;
  }

  /** The demand as {@link Network#demand} builds it, in the engine's terms. */
  private static Demand domain(Map<String, Object> demand) {
    return new Demand(
        UUID.fromString(demand.get("projectId").toString()),
        demand.get("county").toString(),
        Industry.INDUSTRY_AND_SOFTWARE,
        EnterpriseSize.SMALL,
        Purpose.FIXED_ASSETS,
        (BigDecimal) demand.get("amountRequested"),
        36,
        Set.of(Collateral.REAL_ESTATE, Collateral.EQUIPMENT),
        Set.of(Tag.KEY_PROJECT),
        List.of());
  }
}
