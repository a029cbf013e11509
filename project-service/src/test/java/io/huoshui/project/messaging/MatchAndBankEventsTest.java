package io.huoshui.project.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.DeadLetters;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.KafkaRecords;
import io.huoshui.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * matching-service and credit-service as this service hears them: their events, published to their
 * topics per docs/events.md, move status, funnel and timeline, once each and in whatever order they
 * arrive.
 */
class MatchAndBankEventsTest extends ProjectServiceTest {

  private static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  private static final String NO_MATCH = "io.huoshui.matching.NoMatch.v1";
  private static final String ESCALATED = "io.huoshui.matching.MatchEscalated.v1";
  private static final String RELEASED = "io.huoshui.matching.MatchReleased.v1";
  private static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";
  private static final String COUNTY = "140428";
  private static final String BANK = "jinshang-bank";

  private final UUID product = UUID.randomUUID();

  @Test
  void aDemandIsFollowedFromPushToFullDisbursement() {
    UUID id = submit(COUNTY, toyPlant());
    UUID match = UUID.randomUUID();
    UUID otherMatch = UUID.randomUUID();
    Instant start = Instant.now();

    publish(MATCHES, proposed(id, match, start.plusSeconds(1)));
    awaitStatus(id, "PUSHED");
    publish(
        MATCHES,
        example(
            ESCALATED,
            "yellow",
            id,
            Map.of(
                "matchId",
                match,
                "productId",
                product,
                "escalatedAt",
                start.plusSeconds(2).toString())));
    publish(BANK_RESPONSES, declined(id, otherMatch, start.plusSeconds(3)));
    publish(
        MATCHES,
        example(
            RELEASED,
            "declined",
            id,
            Map.of(
                "matchId",
                otherMatch,
                "bankCode",
                "shanxi-bank",
                "productId",
                product,
                "releasedAt",
                start.plusSeconds(4).toString())));
    respond(
        id,
        answer(
            id, match, "INTEREST", "70000000.00", start.plusSeconds(5), "70000000.00", "0", "0"));
    awaitStatus(id, "IN_TALKS");
    respond(
        id,
        answer(
            id,
            match,
            "APPROVAL",
            "70000000.00",
            start.plusSeconds(6),
            "70000000.00",
            "70000000.00",
            "0"));
    awaitStatus(id, "APPROVED");
    respond(
        id,
        answer(
            id,
            match,
            "DISBURSEMENT",
            "30000000.00",
            start.plusSeconds(7),
            "70000000.00",
            "70000000.00",
            "30000000.00"));
    awaitStatus(id, "DISBURSED");
    project(id)
        .jsonPath("$.funnel.intended")
        .isEqualTo("70000000.00")
        .jsonPath("$.funnel.approved")
        .isEqualTo("70000000.00")
        .jsonPath("$.funnel.disbursed")
        .isEqualTo("30000000.00");
    respond(
        id,
        answer(
            id,
            match,
            "DISBURSEMENT",
            "40000000.00",
            start.plusSeconds(8),
            "70000000.00",
            "70000000.00",
            "70000000.00"));
    awaitStatus(id, "CLOSED");
    await().atMost(Duration.ofSeconds(30)).until(() -> timelineSteps(id, "MATCH_RELEASED") == 1);

    timeline(id)
        .jsonPath("$[*].step")
        .isEqualTo(
            List.of(
                "SUBMITTED",
                "PUSHED",
                "SUPERVISION_NOTICE",
                "BANK_DECLINE",
                "MATCH_RELEASED",
                "BANK_INTEREST",
                "APPROVED",
                "DISBURSED",
                "DISBURSED"))
        .jsonPath("$[1].summary")
        .isEqualTo("已推送至银行 jinshang-bank，产品 晋商银行固定资产贷款")
        .jsonPath("$[1].productName")
        .isEqualTo("晋商银行固定资产贷款")
        .jsonPath("$[2].details.colour")
        .isEqualTo("YELLOW")
        .jsonPath("$[3].details.declineReason")
        .isEqualTo("INSUFFICIENT_COLLATERAL")
        .jsonPath("$[3].details.note")
        .isEqualTo("抵押物评估值不足")
        .jsonPath("$[6].amount")
        .isEqualTo("70000000.00")
        .jsonPath("$[6].details.annualRate")
        .isEqualTo("4.350")
        .jsonPath("$[8].amount")
        .isEqualTo("40000000.00");
  }

  @Test
  void duplicatesAndLateArrivalsNeitherDoubleNorRollBack() {
    UUID id = submit(COUNTY, toyPlant());
    UUID match = UUID.randomUUID();
    Instant start = Instant.now();
    EventEnvelope approval =
        answer(
            id,
            match,
            "APPROVAL",
            "50000000.00",
            start.plusSeconds(3),
            "50000000.00",
            "50000000.00",
            "0");

    // The approval overtakes the interest and the push (other topic, or a redelivery).
    publish(BANK_RESPONSES, approval);
    publish(BANK_RESPONSES, approval);
    awaitStatus(id, "APPROVED");
    respond(
        id,
        answer(
            id, match, "INTEREST", "80000000.00", start.plusSeconds(2), "80000000.00", "0", "0"));
    publish(MATCHES, proposed(id, match, start.plusSeconds(1)));
    publish(BANK_RESPONSES, approval);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timelineSteps(id, "PUSHED") == 1 && timelineSteps(id, "BANK_INTEREST") == 1);
    assertThat(status(id)).isEqualTo("APPROVED");
    assertThat(timelineSteps(id, "APPROVED")).isEqualTo(1);
    // The interest's totals are older than the approval's: the approval's figures stand.
    project(id)
        .jsonPath("$.funnel.intended")
        .isEqualTo("50000000.00")
        .jsonPath("$.funnel.approved")
        .isEqualTo("50000000.00");
    timeline(id)
        .jsonPath("$[*].step")
        .isEqualTo(List.of("SUBMITTED", "PUSHED", "BANK_INTEREST", "APPROVED"));
  }

  @Test
  void noMatchTellsWhyUntilTheCountyChangesTheDemandAndMatchingDecidesAgain() {
    UUID id = submit(COUNTY, toyPlant());
    publish(MATCHES, noMatch(id, Instant.now(), "AMOUNT", 9));
    awaitStatus(id, "NO_MATCH");
    project(id)
        .jsonPath("$.noMatch.evaluatedProducts")
        .isEqualTo(12)
        .jsonPath("$.noMatch.failures[0].rule")
        .isEqualTo("AMOUNT")
        .jsonPath("$.noMatch.failures[0].failedProducts")
        .isEqualTo(9);

    Map<String, Object> smaller = toyPlant();
    smaller.put("amountRequested", "20000000.00");
    http.put()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .bodyValue(smaller)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("SUBMITTED")
        .jsonPath("$.noMatch")
        .doesNotExist();

    publish(MATCHES, noMatch(id, Instant.now(), "COLLATERAL", 7));
    awaitStatus(id, "NO_MATCH");
    project(id).jsonPath("$.noMatch.failures[0].rule").isEqualTo("COLLATERAL");
    assertThat(timelineSteps(id, "NO_MATCH")).isEqualTo(2);
  }

  /**
   * matching-service's example of a push after a decline for collateral, to a bank lending on the
   * city's guarantee: the county's timeline says what was done, and which public money is offered.
   */
  @Test
  void aPushOnAGuaranteeAfterACollateralDeclineIsATimelineStepNamingTheInstruments() {
    UUID id = submit(COUNTY, toyPlant());
    publish(
        MATCHES,
        example(
            PROPOSED,
            "guaranteed-first-loan",
            id,
            Map.of("matchId", UUID.randomUUID(), "proposedAt", Instant.now().toString())));

    awaitStatus(id, "PUSHED");
    timeline(id)
        .jsonPath("$[1].step")
        .isEqualTo("PUSHED")
        .jsonPath("$[1].details.routedAfterDecline")
        .isEqualTo("INSUFFICIENT_COLLATERAL")
        .jsonPath("$[1].summary")
        .isEqualTo(
            "已推送至银行 zhangzi-rcb，产品 食用菌产业贷；前一家银行因抵押物不足拒绝，已找到政府性融资担保代替抵押；"
                + "可用政策工具：山西省首贷贴息、长治市政府性融资担保基金、长子县小微企业贷款风险补偿资金池，实际年利率约 4.30%");
  }

  @Test
  void aSyndicateMembersPushIsATimelineStepNamingItsPlaceTheLeadAndTheShare() {
    UUID id = submit(COUNTY, toyPlant());
    publish(
        MATCHES,
        example(
            PROPOSED,
            "syndicate-participant",
            id,
            Map.of("matchId", UUID.randomUUID(), "proposedAt", Instant.now().toString())));

    awaitStatus(id, "PUSHED");
    timeline(id)
        .jsonPath("$[1].step")
        .isEqualTo("PUSHED")
        .jsonPath("$[1].details.syndicateRole")
        .isEqualTo("PARTICIPANT")
        .jsonPath("$[1].details.syndicateShare")
        .isEqualTo("60000000.00")
        .jsonPath("$[1].summary")
        .isEqualTo("已推送至银行 shanxi-bank，产品 山西银行固定资产贷款；银团参贷行（牵头行 jinshang-bank），建议份额 60000000.00");
  }

  @Test
  void poisonGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
    UUID id = submit(COUNTY, toyPlant());
    kafka.send(MATCHES, id.toString(), "{not an envelope").join();
    EventEnvelope incomplete =
        example(
            PROPOSED,
            "province-bank",
            id,
            Map.of("matchId", UUID.randomUUID(), "proposedAt", Instant.now().toString()),
            "bankCode");
    publish(MATCHES, incomplete);
    publish(MATCHES, proposed(id, UUID.randomUUID(), Instant.now().plusSeconds(1)));

    awaitStatus(id, "PUSHED");
    assertThat(timelineSteps(id, "PUSHED")).isEqualTo(1);
    List<ConsumerRecord<String, String>> dead =
        deadLetters(DeadLetters.topicFor(MATCHES), id.toString(), 2);
    assertThat(dead.get(0).value()).isEqualTo("{not an envelope");
    assertThat(header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(MATCHES);
    assertThat(codec.read(dead.get(1).value()).id()).isEqualTo(incomplete.id());
    assertThat(header(dead.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("lacks bankCode");

    UUID match = UUID.randomUUID();
    Instant later = Instant.now().plusSeconds(2);
    respond(id, answer(id, match, "INTEREST", "1.005", later, "1.005", "0", "0"));
    respond(id, answer(id, match, "INTEREST", "1.00", later, "1.00", "0", "0"));
    awaitStatus(id, "IN_TALKS");
    project(id).jsonPath("$.funnel.intended").isEqualTo("1.00");
    assertThat(
            header(
                deadLetters(DeadLetters.topicFor(BANK_RESPONSES), id.toString(), 1).get(0),
                KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("at most two places");
  }

  @Test
  void anApprovalNamingAnInstrumentWithoutWhatItDrewIsPoisonAndTheNextApprovalsUsesAreKept() {
    UUID id = submit(COUNTY, toyPlant());
    UUID refused = UUID.randomUUID();
    UUID kept = UUID.randomUUID();
    Instant at = Instant.now();
    EventEnvelope incomplete =
        example(
            RESPONDED,
            "approval",
            id,
            Map.of(
                "matchId",
                refused,
                "bankCode",
                BANK,
                "productId",
                product,
                "respondedAt",
                at.toString()),
            "instruments.1.drawn");
    respond(id, incomplete);
    respond(
        id,
        example(
            RESPONDED,
            "approval",
            id,
            Map.of(
                "matchId",
                kept,
                "bankCode",
                "shanxi-bank",
                "productId",
                product,
                "respondedAt",
                at.plusSeconds(1).toString())));

    await().atMost(Duration.ofSeconds(30)).until(() -> instrumentUses(kept) == 2);
    assertThat(instrumentUses(refused)).isZero();
    assertThat(timelineSteps(id, "APPROVED")).isEqualTo(1);
    ConsumerRecord<String, String> dead =
        deadLetters(DeadLetters.topicFor(BANK_RESPONSES), id.toString(), 1).get(0);
    assertThat(codec.read(dead.value()).id()).isEqualTo(incomplete.id());
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
        .contains("without its instrumentId or drawn");
  }

  private long instrumentUses(UUID match) {
    return count("SELECT count(*) FROM project_instrument_use WHERE match_id = :v", match);
  }

  private void respond(UUID id, EventEnvelope answer) {
    publish(BANK_RESPONSES, answer);
  }

  private EventEnvelope proposed(UUID id, UUID match, Instant at) {
    return example(
        PROPOSED,
        "province-bank",
        id,
        Map.of(
            "matchId",
            match,
            "bankCode",
            BANK,
            "productId",
            product,
            "productName",
            "晋商银行固定资产贷款",
            "proposedAt",
            at.toString()));
  }

  private EventEnvelope noMatch(UUID id, Instant at, String rule, int failed) {
    return example(
        NO_MATCH,
        "nothing-fits",
        id,
        Map.of(
            "evaluatedProducts",
            12,
            "failures.0.rule",
            rule,
            "failures.0.failedProducts",
            failed,
            "failures.1.rule",
            "REGION",
            "failures.1.failedProducts",
            12 - failed,
            "decidedAt",
            at.toString()));
  }

  /** credit-service's example of the kind of answer ({@code interest}, {@code approval} …). */
  private EventEnvelope answer(
      UUID id,
      UUID match,
      String kind,
      String amount,
      Instant at,
      String intended,
      String approved,
      String disbursed) {
    Map<String, Object> replaced = new HashMap<>();
    replaced.put("matchId", match);
    replaced.put("bankCode", BANK);
    replaced.put("productId", product);
    replaced.put("amount", amount);
    replaced.put("respondedAt", at.toString());
    replaced.put("totals.intended", intended);
    replaced.put("totals.approved", approved);
    replaced.put("totals.disbursed", disbursed);
    if (kind.equals("APPROVAL")) {
      replaced.put("annualRate", "4.350");
      replaced.put("termMonths", 36);
    }
    return example(RESPONDED, kind.toLowerCase(Locale.ROOT), id, replaced);
  }

  private EventEnvelope declined(UUID id, UUID match, Instant at) {
    return example(
        RESPONDED,
        "decline",
        id,
        Map.of(
            "matchId",
            match,
            "bankCode",
            "shanxi-bank",
            "productId",
            product,
            "declineReason",
            "INSUFFICIENT_COLLATERAL",
            "note",
            "抵押物评估值不足",
            "respondedAt",
            at.toString()));
  }

  private WebTestClient.BodyContentSpec project(UUID id) {
    return http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private WebTestClient.BodyContentSpec timeline(UUID id) {
    return http.get()
        .uri("/api/v1/projects/" + id + "/timeline")
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private List<ConsumerRecord<String, String>> deadLetters(String topic, String key, int count) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (var consumer = KafkaRecords.consumer(bootstrapServers)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (found.size() < count && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(250))
            .forEach(
                record -> {
                  if (key.equals(record.key())) {
                    found.add(record);
                  }
                });
      }
    }
    assertThat(found).as("dead letters keyed " + key).hasSize(count);
    return found;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
