package io.huoshui.project.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Project;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** What project-service tells the network, per docs/events.md ({@code huoshui.projects}). */
final class ProjectEvents {

  static final String TOPIC = "huoshui.projects";
  static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  static final String UPDATED = "io.huoshui.project.ProjectUpdated.v1";
  static final String WITHDRAWN = "io.huoshui.project.ProjectWithdrawn.v1";

  private ProjectEvents() {}

  /** The schema each payload conforms to, published from src/main/resources/schemas. */
  static URI schemaOf(String type) {
    String name = type.substring("io.huoshui.project.".length());
    return URI.create("https://huoshui.io/schemas/project-service/" + name + ".json");
  }

  /**
   * The full demand: the payload of ProjectSubmitted and ProjectUpdated. The demand's members sit
   * beside the id, as docs/events.md lists them.
   */
  record DemandPayload(
      UUID projectId,
      String county,
      @JsonUnwrapped Demand demand,
      Instant submittedAt,
      int version) {

    static DemandPayload of(Project project) {
      return new DemandPayload(
          project.id(),
          project.county(),
          project.demand(),
          project.submittedAt(),
          project.version());
    }
  }

  record WithdrawnPayload(
      UUID projectId, String county, String reason, Instant withdrawnAt, int version) {

    static WithdrawnPayload of(Project project) {
      return new WithdrawnPayload(
          project.id(),
          project.county(),
          project.withdrawal().reason(),
          project.withdrawal().at(),
          project.version());
    }
  }
}
