package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Duration;
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
}
