package io.huoshui.project.demo;

import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.Demand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demands of docs/domain.md ({@code demo/demands.json}), for the local run's {@code --demo}:
 * submitted through the same service as the API's, so their events reach matching; loaded at the
 * start before the demo's matchmaking event ({@link DemoEvent}), which puts some on its agenda.
 * Each has a fixed id derived from its county and title, so a second start (or a second replica)
 * finds it in place and submits nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoDemands {

  static final String FILE = "/demo/demands.json";

  private final ProjectService projects;
  private final List<CountyDemand> demands;

  DemoDemands(ProjectService projects, JsonMapper json) {
    this.projects = projects;
    this.demands = read(json);
  }

  /** A demand of a demo county. */
  record CountyDemand(String county, Demand demand) {

    UUID id() {
      return UUID.nameUUIDFromBytes(
          ("huoshui-demo:" + county + ":" + demand.title()).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A misspelt member stops the start instead of submitting a demand without it. */
  static List<CountyDemand> read(JsonMapper json) {
    try (InputStream file = DemoDemands.class.getResourceAsStream(FILE)) {
      if (file == null) {
        throw new IllegalStateException(FILE + " is not on the classpath");
      }
      return List.copyOf(
          json.rebuild()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(file, new TypeReference<List<CountyDemand>>() {}));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  List<CountyDemand> demands() {
    return demands;
  }

  /** The id of the demo demand of the county with the title. */
  UUID idOf(String county, String title) {
    return demands.stream()
        .filter(each -> each.county().equals(county) && each.demand().title().equals(title))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo demand " + title + " of " + county))
        .id();
  }

  /** Submits the demands not yet in place; emits how many were new. */
  Mono<Long> loadAll() {
    return Flux.fromIterable(demands)
        .concatMap(each -> projects.submit(each.id(), each.county(), each.demand(), null))
        .count();
  }
}
