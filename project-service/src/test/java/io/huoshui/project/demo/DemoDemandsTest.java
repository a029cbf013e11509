package io.huoshui.project.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.matchmaking.MatchmakingEvents;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo demands go in once, through the domain service, each with its event; then the demo's
 * matchmaking event, once, with some of them on its agenda.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDemandsTest extends ProjectServiceTest {

  @Autowired ProjectService projects;
  @Autowired MatchmakingEvents events;
  @Autowired Validator validator;
  @Autowired JsonMapper json;

  /** The service takes a demand as valid: the API validates what it reads, and so does this. */
  @Test
  void everyDemoDemandIsValidAsTheApiWouldRequire() {
    assertThat(DemoDemands.read(json))
        .hasSize(8)
        .allSatisfy(each -> assertThat(validator.validate(each.demand())).isEmpty());
  }

  @Test
  @Order(1)
  void theDemandsOfTheDomainAreLoadedOnceWithTheirEvents() {
    DemoDemands demo = new DemoDemands(projects, json);
    List<DemoDemands.CountyDemand> demands = demo.demands();
    Set<String> ids =
        demands.stream()
            .map(DemoDemands.CountyDemand::id)
            .map(UUID::toString)
            .collect(Collectors.toSet());

    assertThat(demo.loadAll().block()).isEqualTo((long) demands.size());
    assertThat(demo.loadAll().block()).isZero();

    assertThat(demands)
        .extracting(DemoDemands.CountyDemand::county)
        .containsOnly("140428", "140423", "140702", "611021", "611024")
        .contains("140428", "140423", "140702", "611021", "611024");
    assertThat(
            count(
                "SELECT count(*) FROM project WHERE id::text = ANY(:v)",
                ids.toArray(String[]::new)))
        .isEqualTo(demands.size());
    assertThat(
            count(
                """
                SELECT count(*) FROM event_outbox
                WHERE message_key = ANY(:v) AND event_type = 'io.huoshui.project.ProjectSubmitted.v1'
                """,
                ids.toArray(String[]::new)))
        .isEqualTo(demands.size());

    // A demand without a total investment says so: the member is there, and null.
    String fungi =
        database
            .sql(
                """
                SELECT envelope::text FROM event_outbox
                WHERE message_key = :id AND event_type = 'io.huoshui.project.ProjectSubmitted.v1'
                """)
            .bind("id", demands.get(1).id().toString())
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    Contracts.assertConforms(codec.read(fungi));
    assertThat(codec.read(fungi).data().get("totalInvestment").isNull()).isTrue();
    assertThat(codec.read(fungi).data().get("title").asString()).isEqualTo("食用菌生产基地流动资金");
  }

  @Test
  @Order(2)
  void theGreenFinancingEventOfChangzhiIsRecordedOnceWithItsAgendaAndIntentions() {
    DemoDemands demands = new DemoDemands(projects, json);
    demands.loadAll().block();
    DemoEvent demo = new DemoEvent(events, demands);

    assertThat(demo.record().block()).isTrue();
    assertThat(demo.record().block()).isFalse();

    byte[] body =
        read(
            "/api/v1/matchmaking/events/" + DemoEvent.ID + "/reconciliation",
            TestTokens.operator("1404"),
            null,
            null);
    JsonNode reconciliation = json.readTree(body);
    assertThat(reconciliation.get("title").asString()).isEqualTo("长治市2026年第四季度绿色金融专场对接会");
    assertThat(reconciliation.get("date").asString()).isEqualTo("2026-11-18");
    assertThat(reconciliation.at("/total/signed").asString()).isEqualTo("185000000.00");
    assertThat(reconciliation.at("/total/intentions").asLong()).isEqualTo(4);
    assertThat(reconciliation.get("byDemand").size()).isEqualTo(3);
  }
}
