package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The consumers of the matching and project services' events, under redelivery and poison. */
class DemandConsumerTest extends CreditApiTest {

  private static final String MATCHES = "credit-service.matches";
  private static final String PROPOSED = EventTypes.MATCH_PROPOSED;

  @Autowired MeterRegistry meters;

  @Test
  void aMatchDeliveredTwiceOrProposedAgainIsKeptOnceAndKeepsItsAnswers() {
    Proposed proposed = proposeToNewBank();
    String bank = proposed.bank();
    UUID matchId = proposed.matchId();
    awaitMatch(matchId);
    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "30000000.00"))
        .expectStatus()
        .isCreated();
    double duplicatesBefore = duplicates();

    // The very record again (a rebalance), then the same match under a new event id (a replay).
    sendRaw(Topics.MATCHES, proposed.key(), codec.write(proposed.event()));
    EventEnvelope replayed = proposeAgain(proposed).event();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> consumed(MATCHES, replayed.id()) && duplicates() > duplicatesBefore);

    JsonNode inbox = get(TestTokens.bank(bank), "/api/v1/matches/inbox");
    assertThat(inbox.get("totalItems").asInt()).isEqualTo(1);
    assertThat(inbox.get("items").get(0).get("status").asString()).isEqualTo("INTERESTED");
    assertThat(inbox.get("items").get(0).get("totals").get("intended").asString())
        .isEqualTo("30000000.00");
  }

  @Test
  void aMalformedMatchEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    UUID projectId = UUID.randomUUID();
    String key = projectId.toString();
    submitDemand(projectId, ZHANGZI, "30000000.00");

    String notAnEnvelope = "{\"specversion\": \"1.0\", \"id\": ";
    sendRaw(Topics.MATCHES, key, notAnEnvelope);
    Payload withoutBank = proposal(UUID.randomUUID(), projectId, bank, productId, "1.00");
    withoutBank.remove("bankCode");
    EventEnvelope lacking = send(Topics.MATCHES, "matching-service", PROPOSED, key, withoutBank);
    UUID next = UUID.randomUUID();
    propose(next, projectId, bank, productId, "30000000.00");

    awaitMatch(next);
    List<String> dead = records(Topics.MATCHES + ".dlt", key, found -> found.size() >= 2);
    assertThat(dead.get(0)).isEqualTo(notAnEnvelope);
    assertThat(codec.read(dead.get(1)).id()).isEqualTo(lacking.id());
    assertThat(consumed(MATCHES, lacking.id())).isFalse();
    assertThat(get(TestTokens.bank(bank), "/api/v1/matches/inbox").get("totalItems").asInt())
        .isEqualTo(1);
  }

  @Test
  void anEscalationIsShownAndAStaleDemandVersionChangesNothing() {
    String bank = newBank("CITY_BRANCH");
    String productId = publishProduct(bank);
    UUID matchId = pushMatch(bank, productId, "30000000.00");
    String projectId = projectOf(bank, matchId);
    UUID project = UUID.fromString(projectId);

    updateDemand(project, "45000000.00", 3);
    EventEnvelope stale = updateDemand(project, "99000000.00", 2);
    EventEnvelope escalated = escalate(matchId, projectId, bank, productId);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                consumed(MATCHES, escalated.id())
                    && consumed("credit-service.projects", stale.id()));
    JsonNode match = get(TestTokens.bank(bank), "/api/v1/matches/" + matchId).get("match");
    assertThat(match.get("colour").asString()).isEqualTo("YELLOW");
    assertThat(match.get("deadline").asString()).isEqualTo("2026-12-31");
    assertThat(
            database
                .sql("SELECT amount_requested, version FROM demand WHERE project_id = :id")
                .bind("id", project)
                .map(row -> row.get("amount_requested") + "/" + row.get("version"))
                .one()
                .block())
        .isEqualTo("45000000.00/3");
  }

  private EventEnvelope updateDemand(UUID project, String amount, int version) {
    return send(
        Topics.PROJECTS,
        "project-service",
        EventTypes.PROJECT_UPDATED,
        project.toString(),
        demand(EventTypes.PROJECT_UPDATED, project, ZHANGZI, amount, version));
  }

  private double duplicates() {
    return meters
        .counter(
            "huoshui.events.consumed",
            "consumer",
            MATCHES,
            "type",
            PROPOSED,
            "outcome",
            "duplicate")
        .count();
  }
}
