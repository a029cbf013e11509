package io.huoshui.notification.intake;

import static io.huoshui.notification.EventData.demand;
import static io.huoshui.notification.EventData.proposed;
import static io.huoshui.notification.EventData.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.servicetest.ServiceMeters;
import io.huoshui.vocabulary.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * What one demand costs this service in round trips to its database: its submission, a proposal (a
 * notice to the county and one to the bank) and the bank's answer (a notice to the county), each
 * alone in its poll — the dearest case: under load a batch shares its begin, log, notices and
 * commit. The test waits on meters only, so that its own reads add nothing to the figures.
 */
class RoundTripsTest extends NotificationServiceTest {

  private static final Logger log = LoggerFactory.getLogger(RoundTripsTest.class);

  private static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  private static final String PROPOSED = "io.huoshui.matching.MatchProposed.v1";
  private static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";

  @Autowired MeterRegistry meters;
  @Autowired ApplicationContext context;

  @Test
  void aDemandItsProposalAndTheBanksAnswerCostAFewStatements() {
    Lifecycle dispatcher = context.getBean("webhookDispatcher", Lifecycle.class);
    Lifecycle relay = context.getBean("outboxRelay", Lifecycle.class);
    Lifecycle reminders = context.getBean("deadlineReminders", Lifecycle.class);
    ServiceMeters.whileStopped(this::measure, dispatcher, relay, reminders);
  }

  private void measure() {
    String county = freshCounty();
    String bank = "jinshang-" + UUID.randomUUID().toString().substring(0, 8);
    UUID project = UUID.randomUUID();
    UUID match = UUID.randomUUID();
    String key = project.toString();

    // A first event, not counted: whatever the dispatcher had in flight when held is done by then.
    UUID warmUp = UUID.randomUUID();
    consume(Topics.PROJECTS, SUBMITTED, warmUp.toString(), demand(warmUp, county, "暖机"));

    double start = ServiceMeters.sqlStatements(meters);
    double submitted = consume(Topics.PROJECTS, SUBMITTED, key, demand(project, county, "玩具厂"));
    double pushed =
        consume(
            Topics.MATCHES,
            PROPOSED,
            key,
            proposed(match, project, county, bank, UUID.randomUUID(), LocalDate.of(2026, 12, 2)));
    double answered =
        consume(
            Topics.BANK_RESPONSES,
            RESPONDED,
            key,
            response(match, project, county, bank, "INTEREST", "70000000.00"));

    log.info(
        "Round trips per demand: its submission {}, a proposal {}, an answer {}, in all {}",
        submitted - start,
        pushed - submitted,
        answered - pushed,
        answered - start);
    // Each event: begin, the log, its write with the names its texts need, commit; and where it
    // notifies, the notices and their webhook deliveries, one statement each. An answer that
    // starts a stage first reads the working days its match announced, to count the deadline.
    assertThat(submitted - start).isLessThanOrEqualTo(4);
    assertThat(pushed - submitted).isLessThanOrEqualTo(6);
    assertThat(answered - pushed).isLessThanOrEqualTo(7);
  }

  /** Publishes the event, waits until it is applied and answers the statements counted by then. */
  private double consume(String topic, String type, String key, Map<String, Object> data) {
    double before = ServiceMeters.eventsApplied(meters, NotificationListener.CONSUMER, type);
    producers.publish(topic, type, key, data);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                ServiceMeters.eventsApplied(meters, NotificationListener.CONSUMER, type) > before);
    return ServiceMeters.sqlStatements(meters);
  }
}
