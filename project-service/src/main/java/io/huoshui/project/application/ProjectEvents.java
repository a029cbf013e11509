package io.huoshui.project.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Project;
import java.time.Instant;
import java.util.UUID;

/** What project-service tells the network on its topic, per docs/events.md. */
final class ProjectEvents {

  private ProjectEvents() {}

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
