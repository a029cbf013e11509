package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The bank's own topic, written by this service in the transaction that stores what
 * matching-service pushed: a bank reads only matches its answer API already knows, in matching's
 * payloads.
 */
class BankTopicTest extends CreditApiTest {

  private static final String MATCHES = "credit-service.matches";

  @Test
  void aProposalReachesTheBanksTopicAsMatchingWroteItAndIsAnsweredAsSoonAsRead() {
    Proposed proposed = proposeToNewBank();
    String key = proposed.key();

    EventEnvelope onBankTopic =
        events(Topics.bankMatches(proposed.bank()), key, found -> !found.isEmpty()).get(0);
    answer(
            proposed.bank(),
            proposed.matchId(),
            Map.of("answer", "INTEREST", "amount", "30000000.00"))
        .expectStatus()
        .isCreated();

    assertThat(onBankTopic.type()).isEqualTo(EventTypes.MATCH_PROPOSED);
    assertThat(onBankTopic.subject()).isEqualTo(key);
    assertThat(onBankTopic.data()).isEqualTo(proposed.event().data());
    Contracts.assertConforms(onBankTopic);
  }

  @Test
  void anEscalationOfAHeldMatchReachesTheBanksTopicInMatchingsPayload() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    UUID matchId = pushMatch(bank, productId, "30000000.00");
    String key = projectOf(bank, matchId);
    EventEnvelope escalated = escalate(matchId, key, bank, productId);

    List<EventEnvelope> onBankTopic =
        events(Topics.bankMatches(bank), key, found -> found.size() >= 2);

    assertThat(onBankTopic)
        .extracting(EventEnvelope::type)
        .containsExactly(EventTypes.MATCH_PROPOSED, EventTypes.MATCH_ESCALATED);
    assertThat(onBankTopic.get(1).data()).isEqualTo(escalated.data());
    Contracts.assertConforms(onBankTopic.get(1));
  }

  @Test
  void anOfficesPushAndARedRaisedToTheCityReachTheBankSayingSo() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    UUID projectId = UUID.randomUUID();
    UUID matchId = UUID.randomUUID();
    submitDemand(projectId, ZHANGZI, "30000000.00");
    Payload push = proposal("manual-push", matchId, projectId, bank, productId, "30000000.00");
    EventEnvelope pushed =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_PROPOSED,
            projectId.toString(),
            push);
    awaitMatch(matchId);
    Payload red = example(EventTypes.MATCH_ESCALATED, "red-to-city", projectId.toString());
    red.put("matchId", matchId.toString());
    red.put("county", ZHANGZI);
    red.put("bankCode", bank);
    red.put("productId", productId);
    EventEnvelope raised =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_ESCALATED,
            projectId.toString(),
            red);

    List<EventEnvelope> onBankTopic =
        events(Topics.bankMatches(bank), projectId.toString(), found -> found.size() >= 2);

    assertThat(onBankTopic.get(0).data()).isEqualTo(pushed.data());
    assertThat(onBankTopic.get(0).data().get("manual").asBoolean()).isTrue();
    assertThat(onBankTopic.get(1).data()).isEqualTo(raised.data());
    assertThat(onBankTopic.get(1).data().get("escalateTo").asString()).isEqualTo("CITY");
    onBankTopic.forEach(Contracts::assertConforms);
  }

  @Test
  void aProposalDeliveredAgainOrReplayedUnderANewIdReachesTheBankOnce() {
    Proposed proposed = proposeToNewBank();
    String key = proposed.key();
    awaitMatch(proposed.matchId());

    sendRaw(Topics.MATCHES, key, codec.write(proposed.event()));
    EventEnvelope replayed = proposeAgain(proposed).event();
    await().atMost(Duration.ofSeconds(30)).until(() -> consumed(MATCHES, replayed.id()));
    // An escalation after them, on the same key: once the bank has it, a second proposal written
    // for either delivery would be before it on the bank's partition.
    escalate(proposed.matchId(), key, proposed.bank(), proposed.productId());

    List<EventEnvelope> onBankTopic =
        events(
            Topics.bankMatches(proposed.bank()),
            key,
            found ->
                found.stream().anyMatch(event -> event.type().equals(EventTypes.MATCH_ESCALATED)));

    assertThat(onBankTopic)
        .extracting(EventEnvelope::type)
        .containsExactly(EventTypes.MATCH_PROPOSED, EventTypes.MATCH_ESCALATED);
  }

  @Test
  void everyReleaseReachesTheBanksTopicOnceAndAnAnswerAfterItIsToldWhy() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("FINANCED", "该需求已由其他银行足额融资");
    refusals.put("CLOSED", "县区已关闭该需求");
    refusals.put("DECLINED", "该银行已拒绝此匹配");
    refusals.put("RED", "该匹配超过答复期限未获答复");
    refusals.put("WITHDRAWN", "县区已撤回该需求");
    refusals.put("SUPERSEDED", "该需求已变更");
    Map<String, UUID> matches = new LinkedHashMap<>();
    Map<String, EventEnvelope> releases = new LinkedHashMap<>();
    refusals
        .keySet()
        .forEach(cause -> matches.put(cause, pushMatch(bank, productId, "30000000.00")));
    matches.forEach(
        (cause, matchId) -> {
          String key = projectOf(bank, matchId);
          EventEnvelope released = release(matchId, key, bank, productId, cause);
          releases.put(cause, released);
          // A release told again under a new event id, as a replay of matching's writes it.
          release(matchId, key, bank, productId, cause);
          // A match of the same demand after them: once the bank has it, a second release written
          // for the replay would be before it on the bank's partition.
          propose(UUID.randomUUID(), UUID.fromString(key), bank, productId, "30000000.00");
        });

    matches.forEach(
        (cause, matchId) -> {
          List<EventEnvelope> onBankTopic =
              events(
                  Topics.bankMatches(bank), projectOf(bank, matchId), found -> found.size() >= 3);
          assertThat(onBankTopic)
              .extracting(EventEnvelope::type)
              .as(cause)
              .containsExactly(
                  EventTypes.MATCH_PROPOSED, EventTypes.MATCH_RELEASED, EventTypes.MATCH_PROPOSED);
          EventEnvelope released = onBankTopic.get(1);
          assertThat(released.data()).isEqualTo(releases.get(cause).data());
          Contracts.assertConforms(released);
          assertThat(
                  refusal(
                      answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "1000000.00"))))
              .as(cause)
              .startsWith(refusals.get(cause));
        });
  }

  /** The detail of a 409 MATCH_RELEASED. */
  private static String refusal(WebTestClient.ResponseSpec answer) {
    JsonNode problem =
        answer
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JsonNode.class)
            .returnResult()
            .getResponseBody();
    assertThat(problem.get("code").asString()).isEqualTo("MATCH_RELEASED");
    return problem.get("detail").asString();
  }
}
