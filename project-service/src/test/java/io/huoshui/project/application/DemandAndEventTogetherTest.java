package io.huoshui.project.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;

/** A demand and the event that announces it are written together or not at all. */
class DemandAndEventTogetherTest extends ProjectServiceTest {

  private static final String COUNTY = "149980";

  @Autowired
  @Qualifier("outboxRelay")
  SmartLifecycle relay;

  @Test
  void whenTheEventCannotBeWrittenNoDemandIsWritten() {
    String title = "写不进事件的项目 " + UUID.randomUUID();
    // The outbox refuses this service's submissions, as a full disk or a broken table would.
    database
        .sql(
            """
            ALTER TABLE event_outbox ADD CONSTRAINT refuse_submissions
            CHECK (event_type <> 'io.huoshui.project.ProjectSubmitted.v1') NOT VALID
            """)
        .then()
        .block();
    try {
      Map<String, Object> demand = toyPlant();
      demand.put("title", title);
      http.post()
          .uri("/api/v1/projects")
          .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
          .bodyValue(demand)
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    } finally {
      database.sql("ALTER TABLE event_outbox DROP CONSTRAINT refuse_submissions").then().block();
    }

    assertThat(count("SELECT count(*) FROM project WHERE title = :v", title)).isZero();
    assertThat(
            count(
                """
                SELECT count(*) FROM project_timeline t JOIN project p ON p.id = t.project_id
                WHERE p.title = :v
                """,
                title))
        .isZero();
  }

  @Test
  void aDemandWrittenWhileTheRelayIsDownIsPublishedOnceWhenItIsBack() {
    relay.stop();
    UUID id;
    try {
      id = submit(COUNTY, toyPlant());
      assertThat(status(id)).isEqualTo("SUBMITTED");
      assertThat(
              count(
                  "SELECT count(*) FROM event_outbox WHERE message_key = :v AND published_at IS NULL",
                  id.toString()))
          .isEqualTo(1);
      assertThat(recordsWithKey("huoshui.projects", id.toString())).isZero();
      Contracts.assertConforms(
          codec.read(
              database
                  .sql("SELECT envelope::text FROM event_outbox WHERE message_key = :v")
                  .bind("v", id.toString())
                  .map(row -> row.get(0, String.class))
                  .one()
                  .block()));
    } finally {
      relay.start();
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM event_outbox WHERE message_key = :v"
                            + " AND published_at IS NOT NULL",
                        id.toString())
                    == 1);
    assertThat(recordsWithKey("huoshui.projects", id.toString())).isEqualTo(1);
  }
}
