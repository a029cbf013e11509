package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bank's own topic, written by this service in the transaction that stores what
 * matching-service pushed: a bank reads only matches its answer API already knows, in matching's
 * payloads.
 */
class BankTopicTest extends CreditApiTest {

  private static final String MATCHES = "credit-service.matches";

  @Test
  void aProposalReachesTheBanksTopicAsMatchingWroteItAndIsAnsweredAsSoonAsRead() {
    String bank = newBank("CITY_BRANCH");
    String productId = publish(bank, product()).get("productId").asString();
    UUID projectId = UUID.randomUUID();
    UUID matchId = UUID.randomUUID();
    String key = projectId.toString();
    submitDemand(projectId, ZHANGZI, "30000000.00");
    EventEnvelope proposed =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_PROPOSED,
            key,
            proposal(matchId, projectId, bank, productId, "30000000.00"));

    EventEnvelope onBankTopic =
        events(Topics.bankMatches(bank), key, found -> !found.isEmpty()).get(0);
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "30000000.00"))
        .expectStatus()
        .isCreated();

    assertThat(onBankTopic.type()).isEqualTo(EventTypes.MATCH_PROPOSED);
    assertThat(onBankTopic.subject()).isEqualTo(key);
    assertThat(onBankTopic.data()).isEqualTo(proposed.data());
    Contracts.assertConforms(onBankTopic);
  }

  @Test
  void anEscalationOfAHeldMatchReachesTheBanksTopicInMatchingsPayload() {
    String bank = newBank("CITY_BRANCH");
    String productId = publish(bank, product()).get("productId").asString();
    UUID matchId = pushMatch(bank, productId, "30000000.00");
    String key =
        get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
            .get("match")
            .get("projectId")
            .asString();
    EventEnvelope escalated =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_ESCALATED,
            key,
            escalation(matchId, key, bank, productId));

    List<EventEnvelope> onBankTopic =
        events(Topics.bankMatches(bank), key, found -> found.size() >= 2);

    assertThat(onBankTopic)
        .extracting(EventEnvelope::type)
        .containsExactly(EventTypes.MATCH_PROPOSED, EventTypes.MATCH_ESCALATED);
    assertThat(onBankTopic.get(1).data()).isEqualTo(escalated.data());
    Contracts.assertConforms(onBankTopic.get(1));
  }

  @Test
  void aProposalDeliveredAgainOrReplayedUnderANewIdReachesTheBankOnce() {
    String bank = newBank("CITY_BRANCH");
    String productId = publish(bank, product()).get("productId").asString();
    UUID projectId = UUID.randomUUID();
    UUID matchId = UUID.randomUUID();
    String key = projectId.toString();
    submitDemand(projectId, ZHANGZI, "30000000.00");
    EventEnvelope proposed =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_PROPOSED,
            key,
            proposal(matchId, projectId, bank, productId, "30000000.00"));
    awaitMatch(matchId);

    sendRaw(Topics.MATCHES, key, codec.write(proposed));
    EventEnvelope replayed =
        send(
            Topics.MATCHES,
            "matching-service",
            EventTypes.MATCH_PROPOSED,
            key,
            proposal(matchId, projectId, bank, productId, "30000000.00"));
    await().atMost(Duration.ofSeconds(30)).until(() -> consumed(MATCHES, replayed.id()));
    // An escalation after them, on the same key: once the bank has it, a second proposal written
    // for either delivery would be before it on the bank's partition.
    send(
        Topics.MATCHES,
        "matching-service",
        EventTypes.MATCH_ESCALATED,
        key,
        escalation(matchId, key, bank, productId));

    List<EventEnvelope> onBankTopic =
        events(
            Topics.bankMatches(bank),
            key,
            found ->
                found.stream().anyMatch(event -> event.type().equals(EventTypes.MATCH_ESCALATED)));

    assertThat(onBankTopic)
        .extracting(EventEnvelope::type)
        .containsExactly(EventTypes.MATCH_PROPOSED, EventTypes.MATCH_ESCALATED);
  }

  private static Payload escalation(UUID matchId, String projectId, String bank, String productId) {
    Payload escalation = example(EventTypes.MATCH_ESCALATED, "yellow", projectId);
    escalation.put("matchId", matchId.toString());
    escalation.put("county", ZHANGZI);
    escalation.put("bankCode", bank);
    escalation.put("productId", productId);
    escalation.put("colour", "YELLOW");
    escalation.put("deadline", "2026-12-31");
    escalation.put("escalatedAt", Instant.now().toString());
    return escalation;
  }
}
