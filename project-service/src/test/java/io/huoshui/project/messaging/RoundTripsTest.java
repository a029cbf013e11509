package io.huoshui.project.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.ServiceMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * What one demand costs this service in round trips to its database: the accept, the relay
 * publishing its event, a proposal and a bank's answer applied, each alone in its poll (the dearest
 * case: under load a batch shares its begin, log and commit, and the relay publishes a batch with
 * the same statements as one event). The test waits on meters and on Kafka only, so that its own
 * reads add nothing to the figures, and holds the relay but while it publishes the demand's event,
 * so that its fallback poll adds nothing either.
 */
class RoundTripsTest extends ProjectServiceTest {

  private static final Logger log = LoggerFactory.getLogger(RoundTripsTest.class);

  private static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  private static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  private static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";

  @Autowired MeterRegistry meters;
  @Autowired ApplicationContext context;

  @Test
  void aDemandWithAProposalAndAnAnswerCostsAFewStatements() {
    Lifecycle relay = context.getBean("outboxRelay", Lifecycle.class);
    ServiceMeters.whileStopped(() -> measure(relay), relay);
  }

  private void measure(Lifecycle relay) {
    UUID match = UUID.randomUUID();
    UUID product = UUID.randomUUID();
    Instant at = Instant.now();

    double start = ServiceMeters.sqlStatements(meters);
    UUID id = submit("140428", toyPlant());
    double accepted = ServiceMeters.sqlStatements(meters);
    relay.start();
    awaitEvent("huoshui.projects", id.toString(), SUBMITTED);
    relay.stop();
    double relayed = ServiceMeters.sqlStatements(meters);

    double proposals = ServiceMeters.eventsApplied(meters, "project-service.matches", PROPOSED);
    double before = ServiceMeters.sqlStatements(meters);
    publish(
        MATCHES,
        example(
            PROPOSED,
            "province-bank",
            id,
            Map.of("matchId", match, "productId", product, "proposedAt", at.toString())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ServiceMeters.eventsApplied(meters, "project-service.matches", PROPOSED)
                    > proposals);
    double pushed = ServiceMeters.sqlStatements(meters);

    double answers =
        ServiceMeters.eventsApplied(meters, "project-service.bank-responses", RESPONDED);
    publish(
        BANK_RESPONSES,
        example(
            RESPONDED,
            "interest",
            id,
            Map.of(
                "matchId",
                match,
                "productId",
                product,
                "respondedAt",
                at.plusSeconds(1).toString())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ServiceMeters.eventsApplied(meters, "project-service.bank-responses", RESPONDED)
                    > answers);
    double answered = ServiceMeters.sqlStatements(meters);

    log.info(
        "Round trips per demand: accept {}, the relay publishing it {}, a proposal {}, an answer {}",
        accepted - start,
        relayed - accepted,
        pushed - before,
        answered - pushed);
    assertThat(status(id)).isEqualTo("IN_TALKS");
    // Accept: begin, the demand with its first step, the outbox row, commit; then the county's
    // name for the answer, read after the commit.
    assertThat(accepted - start).isLessThanOrEqualTo(5);
    // The relay, started again on a connection of its own: the connection's keep-alive settings,
    // the batch with the relay lock (which the connection then keeps) and the mark; a poll before
    // it is stopped again may add one look at the emptied outbox.
    assertThat(relayed - accepted).isLessThanOrEqualTo(4);
    // Each event: begin, the log, the locked read with the match's row (and the demand's totals),
    // the demand with its step, commit.
    assertThat(pushed - before).isLessThanOrEqualTo(5);
    assertThat(answered - pushed).isLessThanOrEqualTo(5);
  }
}
