package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.DeadLetters;
import io.huoshui.eventing.EventCodec;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.matching.application.SupervisionSweep;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestClock;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The service end to end against real PostgreSQL and Kafka: events in on the topics of
 * docs/events.md, decisions out through the outbox, read back through the API. Each test works in a
 * county of its own, so that their products never meet each other's demands.
 */
@MatchingServiceTest
class MatchingFlowTest {

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

  @Test
  void aDemandGoesAnonymisedToTheBestThreeCountyBanksOnceAndItsCountySeesWhy() {
    List<String> banks = List.of("zhangzi-rcb", "jinshang-bank", "shanxi-bank", "cib-changzhi");
    List<String> rates = List.of("3.100", "3.400", "4.000", "5.500");
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        IntStream.range(0, banks.size())
            .mapToObj(i -> network.product(banks.get(i), "140428", rates.get(i)))
            .toList());
    Map<String, Object> toyPlant = network.demand("140428");
    String projectId = toyPlant.get("projectId").toString();

    network.publishProjectTwice(EventTypes.PROJECT_SUBMITTED, toyPlant);

    JsonNode matches = awaitMatches(projectId, "140428", 3);
    assertThat(matches.findValuesAsString("bankCode"))
        .containsExactly("zhangzi-rcb", "jinshang-bank", "shanxi-bank");
    assertThat(matches.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(matches.get(0).get("tier").asString()).isEqualTo("COUNTY");
    assertThat(matches.get(0).get("deadline").asString()).isEqualTo("2026-09-30");
    assertThat(matches.get(0).get("reasons")).hasSize(6);
    assertThat(matches.get(0).get("score").asString()).matches("\\d+\\.\\d{2}");

    List<EventEnvelope> proposals = network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 3);
    assertThat(proposals).hasSize(3);
    EventEnvelope pushed =
        proposals.stream()
            .filter(event -> event.data().get("bankCode").asString().equals("zhangzi-rcb"))
            .findFirst()
            .orElseThrow();
    Contracts.assertConforms(pushed);
    assertThat(pushed.data().get("demand").get("amountRequested").asString())
        .isEqualTo("7000000.00");
    assertThat(pushed.data().toString())
        .doesNotContain("山西德儒", "91140428MA0K123456", "13800000000", "王经理");
    assertThat(fetchMatches(projectId, "140428"))
        .as("the redelivered record applied once")
        .hasSize(3);
    assertThat(
            meters
                .counter("huoshui.matches.pushed", "tier", "COUNTY", "bank", "zhangzi-rcb")
                .count())
        .isGreaterThanOrEqualTo(1);

    http.get()
        .uri("/api/v1/projects/{id}/matches", projectId)
        .headers(h -> h.setBearerAuth(TestTokens.operator("1404")))
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/v1/projects/{id}/matches", projectId)
        .headers(h -> h.setBearerAuth(TestTokens.county("140423")))
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/v1/projects/{id}/matches", projectId)
        .headers(h -> h.setBearerAuth(TestTokens.operator("6110")))
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/v1/projects/{id}/matches", projectId)
        .headers(h -> h.setBearerAuth(TestTokens.bank("zhangzi-rcb")))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aDeclineFreesTheSlotForTheNextCandidateAndFeedsTheTrackRecord() {
    List<String> banks = List.of("xy-bank-1", "xy-bank-2", "xy-bank-3", "xy-bank-4");
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        IntStream.range(0, banks.size())
            .mapToObj(i -> network.product(banks.get(i), "140423", "3." + i + "00"))
            .toList());
    Map<String, Object> demand = network.demand("140423");
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    JsonNode matches = awaitMatches(projectId, "140423", 3);

    network.respond(
        projectId,
        matches.get(0).get("matchId").asString(),
        "xy-bank-1",
        "DECLINE",
        clock.instant());

    JsonNode after = awaitMatches(projectId, "140423", 4);
    assertThat(after.get(0).get("status").asString()).isEqualTo("RELEASED");
    assertThat(after.get(0).get("releaseCause").asString()).isEqualTo("DECLINED");
    assertThat(after.get(3).get("bankCode").asString()).isEqualTo("xy-bank-4");
    assertThat(after.get(3).get("rank").asInt()).isEqualTo(4);
    EventEnvelope released = network.awaitEvents(MATCHES, projectId, Set.of(RELEASED), 1).get(0);
    Contracts.assertConforms(released);
    assertThat(released.data().get("cause").asString()).isEqualTo("DECLINED");
  }

  @Test
  void unansweredMatchesTurnBlueYellowRedAcrossNationalDayAndItsMakeUpSaturdayAndRedReroutes() {
    List<String> banks = List.of("yc-bank-1", "yc-bank-2", "yc-bank-3", "yc-bank-4");
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        IntStream.range(0, banks.size())
            .mapToObj(i -> network.product(banks.get(i), "140702", "3." + i + "00"))
            .toList());
    Map<String, Object> demand = network.demand("140702");
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    JsonNode matches = awaitMatches(projectId, "140702", 3);
    // The first bank answers in time and leaves supervision; the other two stay silent.
    network.respond(
        projectId,
        matches.get(0).get("matchId").asString(),
        "yc-bank-1",
        "INTEREST",
        clock.instant());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(projectId, "140702", 0).equals("ANSWERED"));

    sweepOn("2026-09-29T01:00:00Z"); // Tuesday, before the deadline
    assertThat(colours(projectId, "140702")).containsExactly("null", "null", "null");
    sweepOn("2026-09-30T01:00:00Z"); // the deadline
    assertThat(colours(projectId, "140702")).containsExactly("null", "BLUE", "BLUE");
    sweepOn("2026-10-08T01:00:00Z"); // one working day after it: 1–7 October are off
    assertThat(colours(projectId, "140702")).containsExactly("null", "BLUE", "BLUE");
    sweepOn("2026-10-09T01:00:00Z");
    assertThat(colours(projectId, "140702")).containsExactly("null", "YELLOW", "YELLOW");
    assertThat(board("YELLOW", "140702")).contains(projectId);
    assertThat(board("BLUE", "140702")).doesNotContain(projectId);
    sweepOn("2026-10-10T01:00:00Z"); // a make-up working Saturday: the third working day
    assertThat(colours(projectId, "140702")).containsExactly("null", "YELLOW", "YELLOW");
    sweepOn("2026-10-11T01:00:00Z"); // Sunday
    assertThat(colours(projectId, "140702")).containsExactly("null", "YELLOW", "YELLOW");
    sweepOn("2026-10-12T01:00:00Z"); // the fourth, with the Saturday counted

    JsonNode after = fetchMatches(projectId, "140702");
    // The answered match stays; the two silent ones are released; the fourth bank takes a slot.
    assertThat(after.findValuesAsString("releaseCause")).containsExactly("", "RED", "RED", "");
    assertThat(after.get(3).get("bankCode").asString()).isEqualTo("yc-bank-4");
    assertThat(after.get(3).get("status").asString()).isEqualTo("PROPOSED");
    List<EventEnvelope> notices =
        network.awaitEvents(MATCHES, projectId, Set.of(ESCALATED), 6).stream()
            .filter(event -> event.data().get("bankCode").asString().equals("yc-bank-2"))
            .toList();
    assertThat(notices)
        .extracting(n -> n.data().get("colour").asString())
        .containsExactly("BLUE", "YELLOW", "RED");
    notices.forEach(notice -> Contracts.assertConforms(notice));
    assertThat(meters.get("huoshui.supervision.open").tag("colour", "RED").gauge().value())
        .isZero();
  }

  @Test
  void aDemandNothingFitsLearnsWhyAndANewProductThatFitsReachesIt() {
    Map<String, Object> tooSmall = network.product("luonan-rcb", "611021", "4.000");
    tooSmall.put("maxAmount", "5000000.00");
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(tooSmall));
    Map<String, Object> demand = network.demand("611021");
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);

    EventEnvelope none = network.awaitEvents(MATCHES, projectId, Set.of(NO_MATCH), 1).get(0);
    Contracts.assertConforms(none);
    assertThat(none.data().get("failures").toString()).contains("\"rule\":\"AMOUNT\"");
    JsonNode view = awaitDemand(projectId, "611021", "NO_MATCH");
    assertThat(meters.counter("huoshui.no.match", "county", "611021").count()).isEqualTo(1);
    assertThat(meters.counter("huoshui.no.match.rule", "rule", "AMOUNT").count())
        .isGreaterThanOrEqualTo(1);
    assertThat(view.get("noMatch").get("failures").get("AMOUNT").asInt()).isGreaterThanOrEqualTo(1);

    tooSmall.put("maxAmount", "9000000.00");
    tooSmall.put("version", 2);
    network.publishProduct(EventTypes.PRODUCT_UPDATED, tooSmall);

    JsonNode matches = awaitMatches(projectId, "611021", 1);
    assertThat(matches.get(0).get("bankCode").asString()).isEqualTo("luonan-rcb");
    awaitDemand(projectId, "611021", "OPEN");
  }

  @Test
  void aChangeThatBreaksAFitSupersedesItsMatchAndAWithdrawalReleasesTheRest() {
    Map<String, Object> small = network.product("sy-small", "611024", "3.000");
    small.put("maxAmount", "8000000.00");
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED,
        List.of(small, network.product("sy-large", "611024", "4.000")));
    Map<String, Object> demand = network.demand("611024");
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    awaitMatches(projectId, "611024", 2);

    demand.put("amountRequested", "12000000.00");
    demand.put("version", 2);
    network.publishProject(EventTypes.PROJECT_UPDATED, demand);
    awaitMatch(projectId, "611024", 0, "releaseCause", "SUPERSEDED");
    assertThat(fetchMatches(projectId, "611024").get(1).get("status").asString())
        .isEqualTo("PROPOSED");

    network.publishProject(
        EventTypes.PROJECT_WITHDRAWN, network.withdrawal(projectId, "611024", clock.instant(), 3));
    awaitDemand(projectId, "611024", "WITHDRAWN");
    assertThat(fetchMatches(projectId, "611024").findValuesAsString("releaseCause"))
        .containsExactly("SUPERSEDED", "WITHDRAWN");
  }

  @Test
  void aMalformedEventGoesToTheDeadLetterTopicAndTheDemandBehindItIsStillMatched() {
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED, List.of(network.product("dlt-bank", "140427", "4.000")));
    Map<String, Object> demand = network.demand("140427");
    String projectId = demand.get("projectId").toString();
    network.sendRaw(Topics.PROJECTS, projectId, "{not an envelope");
    Map<String, Object> withoutAmount = network.demand("140427");
    withoutAmount.put("projectId", projectId);
    withoutAmount.remove("amountRequested");
    String broken = network.publishProject(EventTypes.PROJECT_SUBMITTED, withoutAmount);
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);

    awaitMatches(projectId, "140427", 1);
    ConsumerRecord<String, String> dead =
        KafkaRecords.awaitRecord(
            bootstrapServers, DeadLetters.topicFor(Topics.PROJECTS), projectId);
    assertThat(dead.value()).isEqualTo("{not an envelope");
    assertThat(
            network.awaitEvents(
                DeadLetters.topicFor(Topics.PROJECTS),
                projectId,
                Set.of(EventTypes.PROJECT_SUBMITTED),
                1))
        .extracting(EventEnvelope::id)
        .containsExactly(broken);
  }

  @Test
  void interestThenSilenceTurnsTheDecisionClockRedWithoutReleasingAndAnApprovalStartsTheNext() {
    String projectId = pushedTo("450105", "st-bank-1").get("projectId").toString();
    String matchId = fetchMatches(projectId, "450105").get(0).get("matchId").asString();
    assertThat(fetchMatches(projectId, "450105").get(0).get("stage").asString())
        .isEqualTo("FIRST_ANSWER");

    clock.set(Instant.parse("2026-09-30T01:00:00Z")); // the eve of National Day
    network.respond(projectId, matchId, "st-bank-1", "INTEREST", clock.instant(), "0.00", "0.00");
    awaitMatch(projectId, "450105", 0, "stage", "DECISION");
    // Ten working days: 8, 9, 10 (the make-up Saturday), 12 … 16, 19 and 20 October.
    assertThat(fetchMatches(projectId, "450105").get(0).get("deadline").asString())
        .isEqualTo("2026-10-20");

    sweepOn("2026-10-19T01:00:00Z");
    assertThat(colours(projectId, "450105")).containsExactly("null");
    sweepOn("2026-10-20T01:00:00Z");
    assertThat(colours(projectId, "450105")).containsExactly("BLUE");
    sweepOn("2026-10-22T01:00:00Z");
    assertThat(colours(projectId, "450105")).containsExactly("YELLOW");
    assertThat(board("YELLOW", "450105")).contains(projectId);
    sweepOn("2026-10-26T01:00:00Z");
    sweepOn("2026-10-27T01:00:00Z");

    JsonNode after = fetchMatches(projectId, "450105");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("colour").asString()).isEqualTo("RED");
    assertThat(after.get(0).get("status").asString()).isEqualTo("ANSWERED");
    List<EventEnvelope> notices = network.awaitEvents(MATCHES, projectId, Set.of(ESCALATED), 3);
    assertThat(notices)
        .extracting(n -> n.data().get("colour").asString() + " " + n.data().get("stage").asString())
        .containsExactly("BLUE DECISION", "YELLOW DECISION", "RED DECISION");
    notices.forEach(notice -> Contracts.assertConforms(notice));

    network.respond(
        projectId, matchId, "st-bank-1", "APPROVAL", clock.instant(), "3000000.00", "0.00");
    awaitMatch(projectId, "450105", 0, "stage", "DISBURSEMENT");
    JsonNode approved = fetchMatches(projectId, "450105").get(0);
    assertThat(approved.get("deadline").asString()).isEqualTo("2026-11-10");
    assertThat(approved.get("colour").isNull()).isTrue();
    network.respond(
        projectId,
        matchId,
        "st-bank-1",
        "DISBURSEMENT",
        clock.instant(),
        "3000000.00",
        "3000000.00");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fetchMatches(projectId, "450105").get(0).path("stage").isNull());
  }

  @Test
  void aDemandOneBankFinancesInFullReleasesTheOthersAndIsRoutedNoMore() {
    String projectId =
        pushedTo("450102", "fin-bank-1", "fin-bank-2", "fin-bank-3").get("projectId").toString();
    JsonNode matches = fetchMatches(projectId, "450102");
    Map<String, Object> other = network.demand("450102");
    String otherId = other.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, other);
    JsonNode others = awaitMatches(otherId, "450102", 3);
    String first = matches.get(0).get("matchId").asString();
    network.respond(projectId, first, "fin-bank-1", "INTEREST", clock.instant(), "0.00", "0.00");
    // Half the amount approved: the others keep their slots.
    network.respond(
        projectId, first, "fin-bank-1", "APPROVAL", clock.instant(), "3500000.00", "0.00");
    awaitMatch(projectId, "450102", 0, "lastAnswer", "APPROVAL");
    assertThat(fetchMatches(projectId, "450102").findValuesAsString("releaseCause"))
        .containsExactly("", "", "");

    network.respond(
        projectId, first, "fin-bank-1", "APPROVAL", clock.instant(), "7000000.00", "0.00");

    JsonNode view = awaitDemand(projectId, "450102", "FINANCED");
    assertThat(view.get("matches").findValuesAsString("releaseCause"))
        .containsExactly("", "FINANCED", "FINANCED");
    List<EventEnvelope> released = network.awaitEvents(MATCHES, projectId, Set.of(RELEASED), 2);
    released.forEach(event -> Contracts.assertConforms(event));
    assertThat(released)
        .extracting(event -> event.data().get("cause").asString())
        .containsOnly("FINANCED");

    // A new bank's product reaches the other demand, which has room, and not the financed one.
    network.respond(
        otherId,
        others.get(0).get("matchId").asString(),
        "fin-bank-1",
        "DECLINE",
        clock.instant(),
        "0.00",
        "0.00");
    awaitDemand(otherId, "450102", "OPEN");
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED, List.of(network.product("fin-bank-4", "450102", "3.400")));
    assertThat(awaitMatches(otherId, "450102", 4).get(3).get("bankCode").asString())
        .isEqualTo("fin-bank-4");
    assertThat(fetchMatches(projectId, "450102")).hasSize(3);

    network.respond(
        projectId,
        first,
        "fin-bank-1",
        "DISBURSEMENT",
        clock.instant(),
        "7000000.00",
        "7000000.00");
    awaitMatch(projectId, "450102", 0, "lastAnswer", "DISBURSEMENT");
    sweepOn("2026-11-30T01:00:00Z");
    assertThat(fetchMatches(projectId, "450102").findValuesAsString("colour"))
        .as("no supervision once financed")
        .containsOnly("");
    assertThat(fetchMatches(projectId, "450102")).hasSize(3);
  }

  @Test
  void aDemandEveryBankDeclinesIsExhaustedAndANewFittingProductReOpensIt() {
    String projectId = pushedTo("450103", "ex-bank-1", "ex-bank-2").get("projectId").toString();
    JsonNode matches = fetchMatches(projectId, "450103");
    double before = meters.counter("huoshui.demands.exhausted", "county", "450103").count();

    network.respond(
        projectId,
        matches.get(0).get("matchId").asString(),
        "ex-bank-1",
        "DECLINE",
        clock.instant());
    awaitMatch(projectId, "450103", 0, "releaseCause", "DECLINED");
    assertThat(fetchDemand(projectId, "450103").get("status").asString()).isEqualTo("OPEN");
    network.respond(
        projectId,
        matches.get(1).get("matchId").asString(),
        "ex-bank-2",
        "DECLINE",
        clock.instant());

    awaitDemand(projectId, "450103", "EXHAUSTED");
    EventEnvelope exhausted =
        network.awaitEvents(MATCHES, projectId, Set.of(EventTypes.DEMAND_EXHAUSTED), 1).get(0);
    Contracts.assertConforms(exhausted);
    assertThat(exhausted.data().get("tried").findValuesAsString("bankCode"))
        .containsExactly("ex-bank-1", "ex-bank-2");
    assertThat(exhausted.data().get("tried").findValuesAsString("declineReason"))
        .containsExactly("INSUFFICIENT_COLLATERAL", "INSUFFICIENT_COLLATERAL");
    assertThat(meters.counter("huoshui.demands.exhausted", "county", "450103").count())
        .isEqualTo(before + 1);

    publishProducts(
        EventTypes.PRODUCT_PUBLISHED, List.of(network.product("ex-bank-3", "450103", "3.300")));
    assertThat(awaitMatches(projectId, "450103", 3).get(2).get("bankCode").asString())
        .isEqualTo("ex-bank-3");
    awaitDemand(projectId, "450103", "OPEN");
    assertThat(network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 3)).hasSize(3);
  }

  @Test
  void aDemandItsCountyClosesReleasesEveryMatchAndIgnoresLaterChanges() {
    Map<String, Object> demand = pushedTo("450104", "cl-bank-1", "cl-bank-2");
    String projectId = demand.get("projectId").toString();

    network.publishProject(
        EventTypes.PROJECT_CLOSED, network.closure(projectId, "450104", clock.instant(), 2));

    JsonNode view = awaitDemand(projectId, "450104", "CLOSED");
    assertThat(view.get("matches").findValuesAsString("releaseCause"))
        .containsExactly("CLOSED", "CLOSED");
    network
        .awaitEvents(MATCHES, projectId, Set.of(RELEASED), 2)
        .forEach(event -> Contracts.assertConforms(event));
    demand.put("amountRequested", "8000000.00");
    demand.put("version", 3);
    network.publishProject(EventTypes.PROJECT_UPDATED, demand);
    publishProducts(
        EventTypes.PRODUCT_PUBLISHED, List.of(network.product("cl-bank-3", "450104", "3.300")));
    assertThat(fetchDemand(projectId, "450104").get("status").asString()).isEqualTo("CLOSED");
    assertThat(fetchMatches(projectId, "450104")).hasSize(2);
  }

  @Test
  void theSupervisionBoardIsForOperatorsOfTheRegionAndPaged() {
    http.get()
        .uri("/api/v1/supervision")
        .headers(h -> h.setBearerAuth(TestTokens.county("140428")))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/supervision")
        .headers(h -> h.setBearerAuth(TestTokens.bank("zhangzi-rcb")))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/supervision?colour=PURPLE")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1404")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("colour");
    http.get()
        .uri("/api/v1/supervision?county=611021&size=5")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1404")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .isEqualTo(0)
        .jsonPath("$.size")
        .isEqualTo(5);
    http.get().uri("/openapi/matching-service.yaml").exchange().expectStatus().isOk();
  }

  private void sweepOn(String instant) {
    clock.set(Instant.parse(instant));
    sweep.sweep();
  }

  /** Products and demands travel on different topics: the catalogue is awaited first. */
  private void publishProducts(String type, List<Map<String, Object>> products) {
    products.forEach(product -> network.publishProduct(type, product));
    for (Map<String, Object> product : products) {
      UUID id = UUID.fromString(product.get("productId").toString());
      long version = ((Number) product.get("version")).longValue();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> productIndex.get(id).filter(p -> p.version() == version).isPresent());
    }
  }

  private List<String> colours(String projectId, String county) {
    JsonNode matches = fetchMatches(projectId, county);
    return matches
        .valueStream()
        .map(m -> m.path("colour").isNull() ? "null" : m.path("colour").asString())
        .toList();
  }

  /** The supervision board as the financial office of the county's city reads it. */
  private String board(String colour, String county) {
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

  private String status(String projectId, String county, int index) {
    JsonNode matches = fetchMatches(projectId, county);
    return matches.size() > index ? matches.get(index).get("status").asString() : "";
  }

  /**
   * A product of each bank in the county, the first the cheapest, and a demand of the county
   * submitted and pushed to all of them; returns the demand as published.
   */
  private Map<String, Object> pushedTo(String county, String... banks) {
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
  private void awaitMatch(String projectId, String county, int index, String member, String value) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                value.equals(
                    fetchMatches(projectId, county).path(index).path(member).asString("")));
  }

  private JsonNode awaitMatches(String projectId, String county, int count) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fetchMatches(projectId, county), matches -> matches.size() >= count);
  }

  private JsonNode awaitDemand(String projectId, String county, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> fetchDemand(projectId, county),
            view -> view != null && status.equals(view.get("status").asString()));
  }

  private JsonNode fetchMatches(String projectId, String county) {
    JsonNode view = fetchDemand(projectId, county);
    return view == null ? JsonNodeFactory.instance.arrayNode() : view.get("matches");
  }

  private JsonNode fetchDemand(String projectId, String county) {
    var result =
        http.get()
            .uri("/api/v1/projects/{id}/matches", projectId)
            .headers(h -> h.setBearerAuth(TestTokens.county(county)))
            .exchange()
            .expectBody(JsonNode.class)
            .returnResult();
    return result.getStatus().value() == 200 ? result.getResponseBody() : null;
  }
}
