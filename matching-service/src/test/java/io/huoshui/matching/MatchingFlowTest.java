package io.huoshui.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.DeadLetters;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service end to end against real PostgreSQL and Kafka: events in on the topics of
 * docs/events.md, decisions out through the outbox, read back through the API.
 */
class MatchingFlowTest extends ServiceFlow {

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
    assertThat(matches.get(0).get("reasons").get(0).get("explanation").asString())
        .as("Chinese unless the reader asks for English")
        .isEqualTo("年利率 3.100%–3.100%");
    JsonNode inEnglish = fetchDemand(projectId, "140428", "en");
    assertThat(inEnglish.get("matches").get(0).get("reasons").findValuesAsString("explanation"))
        .contains("annual rate 3.100–3.100 %", "served at county level");
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

  /**
   * The bank runs a match on the terms it received it on: MatchProposed announces the product's
   * days, and a change of the product's days after the push counts for later matches only.
   */
  @Test
  void aProductsOwnStageClocksRunItsMatchesDecisionAndDisbursement() {
    // credit-service's example of a product that states its own: 5 working days for a decision,
    // 3 for the first disbursement.
    Map<String, Object> own = network.product("own-stage-clocks", "oc-bank-1", "450601", "3.100");
    assertThat(own)
        .containsEntry("decisionWorkingDays", 5)
        .containsEntry("disbursementWorkingDays", 3);
    publishProducts(EventTypes.PRODUCT_PUBLISHED, List.of(own));
    Map<String, Object> demand = network.demand("450601");
    String projectId = demand.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, demand);
    String matchId = awaitMatches(projectId, "450601", 1).get(0).get("matchId").asString();
    EventEnvelope proposed = network.awaitEvents(MATCHES, projectId, Set.of(PROPOSED), 1).get(0);
    Contracts.assertConforms(proposed);
    assertThat(proposed.data().get("decisionWorkingDays").asInt()).isEqualTo(5);
    assertThat(proposed.data().get("disbursementWorkingDays").asInt()).isEqualTo(3);

    // The bank lengthens the product's decision to 20 days; a demand pushed after it gets them.
    own.put("decisionWorkingDays", 20);
    own.put("version", 2);
    publishProducts(EventTypes.PRODUCT_UPDATED, List.of(own));
    Map<String, Object> later = network.demand("450601");
    String laterId = later.get("projectId").toString();
    network.publishProject(EventTypes.PROJECT_SUBMITTED, later);
    awaitMatches(laterId, "450601", 1);
    assertThat(
            network
                .awaitEvents(MATCHES, laterId, Set.of(PROPOSED), 1)
                .get(0)
                .data()
                .get("decisionWorkingDays")
                .asInt())
        .isEqualTo(20);

    clock.set(Instant.parse("2026-09-30T01:00:00Z")); // the eve of National Day
    network.respond(projectId, matchId, "oc-bank-1", "INTEREST", clock.instant(), "0.00", "0.00");
    awaitMatch(projectId, "450601", 0, "stage", "DECISION");
    // Five working days: 8, 9, 10 (the make-up Saturday), 12 and 13 October.
    assertThat(fetchMatches(projectId, "450601").get(0).get("deadline").asString())
        .isEqualTo("2026-10-13");

    clock.set(Instant.parse("2026-10-16T01:00:00Z")); // a Friday
    network.respond(
        projectId, matchId, "oc-bank-1", "APPROVAL", clock.instant(), "7000000.00", "0.00");
    awaitMatch(projectId, "450601", 0, "stage", "DISBURSEMENT");
    assertThat(fetchMatches(projectId, "450601").get(0).get("deadline").asString())
        .isEqualTo("2026-10-21");
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
}
