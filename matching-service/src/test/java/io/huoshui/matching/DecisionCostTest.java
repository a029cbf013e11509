package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestClock;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What one decision about a new demand costs the database, counted on the consumer's transactions
 * (the relay and the timers share the pool but not these transactions), and how many decisions a
 * second this instance makes when the demand topic is full. The figures are printed; the statement
 * counts are bounded, the rate is not (the machine is shared). The test works in a province of its
 * own (53), so that no other test's products or demands take part.
 */
@MatchingServiceTest
class DecisionCostTest {

  private static final String COUNTY = "530102";
  private static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";

  /**
   * A demand alone in its poll: BEGIN, the consumer log, the demand written with its three matches,
   * the proposals' outbox rows in one statement, COMMIT.
   */
  private static final int LONE_BOUND = 10;

  /** BEGIN, the consumer log, the match read with its demand locked, the answer, COMMIT. */
  private static final int ANSWER_BOUND = 5;

  /** In a burst the transaction and the consumer log are shared by the poll's demands. */
  private static final double BURST_BOUND = 8;

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventCodec codec;
  @Autowired Admin kafkaHealthAdmin;
  @Autowired TestClock clock;
  @Autowired ProductIndex productIndex;
  @Autowired DatabaseClient database;
  @Autowired SqlTranscripts transcripts;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Value("${matching.throughput.demands:300}")
  int throughputDemands;

  Network network;

  @BeforeEach
  void catalogue() {
    clock.set(Instant.parse("2026-09-25T01:00:00Z"));
    network = new Network(kafka, codec, kafkaHealthAdmin, bootstrapServers);
    network.declareProducersTopics();
    for (int i = 0; i < 4; i++) {
      String bank = "cost-bank-" + i;
      Map<String, Object> product = network.product(bank, COUNTY, "3." + i + "00");
      network.publishProduct(EventTypes.PRODUCT_PUBLISHED, product);
      UUID id = UUID.fromString(product.get("productId").toString());
      await().atMost(Duration.ofSeconds(30)).until(() -> productIndex.get(id).isPresent());
    }
  }

  @Test
  void aNewDemandIsDecidedInAFewStatements() {
    transcripts.reset();
    List<String> lone = publish(1);
    awaitDecided(lone);
    List<List<String>> alone = consuming();
    assertThat(alone).as("one consumer transaction for a demand alone").hasSize(1);
    int loneStatements = alone.get(0).size();
    System.out.printf(
        "SQL statements for a new demand decided alone: %d %s%n", loneStatements, alone.get(0));

    transcripts.reset();
    List<String> burst = publish(60);
    awaitDecided(burst);
    List<List<String>> batches = consuming();
    int total = batches.stream().mapToInt(List::size).sum();
    double perDemand = (double) total / burst.size();
    System.out.printf(
        "SQL statements per new demand in a burst of %d: %.2f (%d transactions)%n",
        burst.size(), perDemand, batches.size());

    assertThat(loneStatements).isLessThanOrEqualTo(LONE_BOUND);
    assertThat(perDemand).isLessThanOrEqualTo(BURST_BOUND);
  }

  @Test
  void aBanksInterestIsRecordedInAFewStatements() {
    List<String> lone = publish(1);
    awaitDecided(lone);
    UUID projectId = UUID.fromString(lone.get(0));
    Map<String, Object> match =
        database
            .sql("SELECT match_id, bank_code FROM match WHERE project_id = :id AND rank = 1")
            .bind("id", projectId)
            .fetch()
            .one()
            .block();
    transcripts.reset();

    network.respond(
        lone.get(0),
        match.get("match_id").toString(),
        match.get("bank_code").toString(),
        "INTEREST",
        clock.instant());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                database
                    .sql("SELECT status FROM match WHERE match_id = :id")
                    .bind("id", match.get("match_id"))
                    .map((row, meta) -> row.get("status", String.class))
                    .one()
                    .block(),
            "ANSWERED"::equals);

    List<List<String>> answered = consuming();
    assertThat(answered).as("one consumer transaction for the answer").hasSize(1);
    System.out.printf(
        "SQL statements for a bank's interest: %d %s%n", answered.get(0).size(), answered.get(0));
    assertThat(answered.get(0)).hasSizeLessThanOrEqualTo(ANSWER_BOUND);
  }

  @Test
  void anApprovalLoweringABudgetReMatchesNoDemandAndANewProductReMatchesTheDemandsItFits() {
    String county = "530103";
    List<Map<String, Object>> products = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      products.add(network.product("storm-bank-" + i, county, "4." + i + "00"));
    }
    products.subList(0, 2).forEach(this::publishAndAwait);
    Map<String, Object> demand = network.demand(county);
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    awaitMatches(projectId, 2); // one slot left open: the demand is in the open-demand index

    transcripts.reset();
    Map<String, Object> approved = products.get(0);
    approved.put("remainingBudget", "20000000.00");
    approved.put("version", 2);
    network.publishProduct(EventTypes.PRODUCT_UPDATED, approved);
    awaitCatalogConsumed();
    assertThat(refills()).as("a lower budget admits no demand").isEmpty();

    publishAndAwait(products.get(2));
    awaitMatches(projectId, 3);
    awaitCatalogConsumed();
    assertThat(refills()).as("the new product's bank takes the free slot").hasSize(1);
  }

  @Test
  void aFullDemandTopicIsDecidedAtARateThisTestPrints() {
    long start = System.nanoTime();
    List<String> demands = publish(throughputDemands);
    double published = (System.nanoTime() - start) / 1e9;
    awaitDecided(demands);
    double decided = (System.nanoTime() - start) / 1e9;
    int proposals = awaitProposals(new HashSet<>(demands), 3 * demands.size());
    double announced = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%d demands published in %.1f s, decided after %.1f s (%.0f decisions/s),"
            + " %d MatchProposed on huoshui.matches after %.1f s (%.0f demands/s)%n",
        demands.size(),
        published,
        decided,
        demands.size() / decided,
        proposals,
        announced,
        demands.size() / announced);
    assertThat(proposals).isEqualTo(3 * demands.size());
  }

  private void publishAndAwait(Map<String, Object> product) {
    network.publishProduct(
        ((Number) product.get("version")).longValue() == 1
            ? EventTypes.PRODUCT_PUBLISHED
            : EventTypes.PRODUCT_UPDATED,
        product);
    UUID id = UUID.fromString(product.get("productId").toString());
    long version = ((Number) product.get("version")).longValue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> productIndex.get(id).filter(p -> p.version() == version).isPresent());
  }

  /**
   * Until this instance's catalog group has committed every product record: the listener commits a
   * poll only when it has applied it, reverse matching included.
   */
  private void awaitCatalogConsumed() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              var partitions =
                  kafkaHealthAdmin
                      .describeTopics(List.of("huoshui.products"))
                      .allTopicNames()
                      .get()
                      .get("huoshui.products")
                      .partitions()
                      .stream()
                      .map(info -> new TopicPartition("huoshui.products", info.partition()))
                      .toList();
              var ends =
                  kafkaHealthAdmin
                      .listOffsets(
                          partitions.stream()
                              .collect(
                                  Collectors.toMap(
                                      partition -> partition, partition -> OffsetSpec.latest())))
                      .all()
                      .get();
              var committed =
                  kafkaHealthAdmin
                      .listConsumerGroupOffsets("matching-service.catalog.test")
                      .partitionsToOffsetAndMetadata()
                      .get();
              return partitions.stream()
                  .allMatch(
                      partition ->
                          committed.get(partition) != null
                              && committed.get(partition).offset() >= ends.get(partition).offset());
            });
  }

  /** Re-matchings since the last reset: transactions that lock a demand outside the consumer. */
  private List<List<String>> refills() {
    return transcripts.transactions().stream()
        .filter(transaction -> transaction.stream().noneMatch(sql -> sql.contains("consumed")))
        .filter(
            transaction ->
                transaction.stream()
                    .anyMatch(sql -> sql.contains("FROM demand") && sql.contains("FOR UPDATE")))
        .toList();
  }

  private void awaitMatches(String projectId, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                database
                    .sql("SELECT count(*) AS n FROM match WHERE project_id = :id")
                    .bind("id", UUID.fromString(projectId))
                    .map((row, meta) -> row.get("n", Long.class))
                    .one()
                    .block(),
            n -> n == count);
  }

  /** What the batch consumer's transactions sent: each begins with the consumer log. */
  private List<List<String>> consuming() {
    return transcripts.transactions().stream()
        .filter(transaction -> transaction.size() > 1 && transaction.get(1).contains("consumed"))
        .filter(transaction -> transaction.stream().anyMatch(sql -> sql.contains("demand")))
        .toList();
  }

  /** Publishes new demands without waiting for each acknowledgement; returns their ids. */
  private List<String> publish(int count) {
    List<String> ids = new ArrayList<>(count);
    List<CompletableFuture<?>> sent = new ArrayList<>(count);
    IntStream.range(0, count)
        .forEach(
            i -> {
              Map<String, Object> demand = network.demand(COUNTY);
              String id = demand.get("projectId").toString();
              ids.add(id);
              EventEnvelope envelope =
                  codec.envelope(EventTypes.PROJECT_SUBMITTED, id, demand, null);
              sent.add(kafka.send(Topics.PROJECTS, id, codec.write(envelope)));
            });
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    return ids;
  }

  private void awaitDecided(List<String> ids) {
    UUID[] projects = ids.stream().map(UUID::fromString).toArray(UUID[]::new);
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                database
                    .sql("SELECT count(*) AS n FROM match WHERE project_id = ANY(:ids)")
                    .bind("ids", projects)
                    .map((row, meta) -> row.get("n", Long.class))
                    .one()
                    .block(),
            n -> n == 3L * ids.size());
  }

  private int awaitProposals(Set<String> keys, int expected) {
    Set<String> seen = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of("huoshui.matches"));
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
          if (keys.contains(record.key())) {
            EventEnvelope event = codec.read(record.value());
            if (PROPOSED.equals(event.type())) {
              seen.add(event.data().get("matchId").asString());
            }
          }
        }
      }
    }
    return seen.size();
  }
}
