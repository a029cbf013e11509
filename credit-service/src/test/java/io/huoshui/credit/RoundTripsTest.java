package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.servicetest.ServiceMeters;
import io.huoshui.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * What one demand costs this service in round trips to its database: its submission and its
 * proposal consumed, each alone in its poll (the dearest case: under load a batch shares its begin,
 * log and commit), the bank's answer and the relay publishing it. The test waits on meters and on
 * Kafka only, so that its own reads add nothing to the figures, and holds the relay but while it
 * publishes the answer's event, so that its fallback poll adds nothing either.
 */
class RoundTripsTest extends CreditApiTest {

  private static final Logger log = LoggerFactory.getLogger(RoundTripsTest.class);

  private static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  private static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";

  @Autowired MeterRegistry meters;
  @Autowired ApplicationContext context;

  @Test
  void aDemandItsProposalAndTheBanksAnswerCostAFewStatements() {
    Lifecycle relay = context.getBean("outboxRelay", Lifecycle.class);
    ServiceMeters.whileStopped(() -> measure(relay), relay);
  }

  private void measure(Lifecycle relay) {
    String bank = newBank("CITY_BRANCH");
    String productId = publish(bank, product()).get("productId").asString();
    UUID projectId = UUID.randomUUID();
    UUID matchId = UUID.randomUUID();

    double demands = ServiceMeters.eventsApplied(meters, "credit-service.projects", SUBMITTED);
    double start = ServiceMeters.sqlStatements(meters);
    submitDemand(projectId, ZHANGZI, "30000000.00");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ServiceMeters.eventsApplied(meters, "credit-service.projects", SUBMITTED)
                    > demands);
    double submitted = ServiceMeters.sqlStatements(meters);

    double proposals = ServiceMeters.eventsApplied(meters, "credit-service.matches", PROPOSED);
    send(
        "huoshui.matches",
        "matching-service",
        PROPOSED,
        projectId.toString(),
        proposal(matchId, projectId, bank, productId, "30000000.00"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ServiceMeters.eventsApplied(meters, "credit-service.matches", PROPOSED)
                    > proposals);
    double proposed = ServiceMeters.sqlStatements(meters);

    answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "30000000.00"))
        .expectStatus()
        .isCreated();
    double answered = ServiceMeters.sqlStatements(meters);
    relay.start();
    records("huoshui.bank-responses", projectId.toString(), found -> !found.isEmpty());
    relay.stop();
    double relayed = ServiceMeters.sqlStatements(meters);

    log.info(
        "Round trips per demand: its submission {}, a proposal {}, an answer {}, the relay"
            + " publishing it {}",
        submitted - start,
        proposed - submitted,
        answered - proposed,
        relayed - answered);
    assertThat(
            get(TestTokens.bank(bank), "/api/v1/matches/" + matchId)
                .get("match")
                .get("status")
                .asString())
        .isEqualTo("INTERESTED");
    // Each event: begin, the log, its one write, commit.
    assertThat(submitted - start).isLessThanOrEqualTo(5);
    assertThat(proposed - submitted).isLessThanOrEqualTo(5);
    // The answer: begin, the locked match, the answer with the match's new state, the outbox row,
    // commit.
    assertThat(answered - proposed).isLessThanOrEqualTo(5);
  }
}
