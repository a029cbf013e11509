package io.huoshui.project.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.project.application.ProjectService;
import io.huoshui.servicetest.Contracts;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The demo demands go in once, through the domain service, each with its event. */
class DemoDemandsTest extends ProjectServiceTest {

  @Autowired ProjectService projects;
  @Autowired Validator validator;
  @Autowired JsonMapper json;

  /** The service takes a demand as valid: the API validates what it reads, and so does this. */
  @Test
  void everyDemoDemandIsValidAsTheApiWouldRequire() {
    assertThat(DemoDemands.read(json))
        .hasSize(7)
        .allSatisfy(each -> assertThat(validator.validate(each.demand())).isEmpty());
  }

  @Test
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
}
