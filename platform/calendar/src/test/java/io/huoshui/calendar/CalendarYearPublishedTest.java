package io.huoshui.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CalendarYearPublishedTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The producer's schema and example, read from identity-service's tree in the repository (tests
   * run in the module's directory), so that the calendar reads what identity-service publishes
   * without depending on its artifact.
   */
  static InputStream producers(String path) throws IOException {
    return Files.newInputStream(Path.of("../../identity-service/src/main/resources").resolve(path));
  }

  @Test
  void theExampleFollowsTheSchemaAndCarriesAYearAsTheFilesDo() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(producers("schemas/CalendarYearPublished.v1.json"));
    JsonNode event =
        JSON.readTree(producers("schemas/examples/CalendarYearPublished.v1/cn-2026.json"));
    assertThat(event.get("type").asString())
        .isEqualTo("io.huoshui.identity.CalendarYearPublished.v1");
    assertThat(schema.validate(event.get("data"))).isEmpty();

    CalendarYear published = CalendarFiles.read(event.get("data").get("calendar").toString());
    assertThat(published).isEqualTo(WorkingCalendarTest.SHIPPED.year(2026).orElseThrow());
    assertThat(event.get("subject").asString()).isEqualTo(String.valueOf(published.year()));
  }

  @Test
  void theSchemaRefusesAYearWithoutItsSource() throws IOException {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(producers("schemas/CalendarYearPublished.v1.json"));
    JsonNode event =
        JSON.readTree(producers("schemas/examples/CalendarYearPublished.v1/cn-2026.json"));
    ObjectNode data = (ObjectNode) event.get("data").deepCopy();
    ((ObjectNode) data.get("calendar")).remove("source");
    assertThat(schema.validate(data)).isNotEmpty();
  }

  @Test
  void theAutoConfigurationHoldsTheShippedYearsAndTakesAPublishedOne() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CalendarAutoConfiguration.class))
        .run(
            context -> {
              CalendarHolder holder = context.getBean(CalendarHolder.class);
              assertThat(holder.current().loaded(2026)).isTrue();
              assertThat(holder.current().loaded(2027)).isFalse();
              CalendarYear year2026 = holder.current().year(2026).orElseThrow();
              CalendarYear as2027 = new CalendarYear(2027, List.of(), List.of(), year2026.source());
              holder.publish(as2027);
              assertThat(context.getBean(CalendarHolder.class).current().loaded(2027)).isTrue();
            });
  }
}
