package io.huoshui.project.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.huoshui.project.domain.ClosureReason;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Project;
import io.huoshui.service.security.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * What project-service tells the network on its topic, per docs/events.md. {@code actor} is the
 * client and request that made the change; absent when the service itself made it (the demo data).
 */
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
      int version,
      @JsonInclude(JsonInclude.Include.NON_NULL) Actor actor) {

    static DemandPayload of(Project project, Actor actor) {
      return new DemandPayload(
          project.id(),
          project.county(),
          project.demand(),
          project.submittedAt(),
          project.version(),
          actor);
    }
  }

  record WithdrawnPayload(
      UUID projectId,
      String county,
      String reason,
      Instant withdrawnAt,
      int version,
      @JsonInclude(JsonInclude.Include.NON_NULL) Actor actor) {

    static WithdrawnPayload of(Project project, Actor actor) {
      return new WithdrawnPayload(
          project.id(),
          project.county(),
          project.withdrawal().reason(),
          project.withdrawal().at(),
          project.version(),
          actor);
    }
  }

  record ClosedPayload(
      UUID projectId,
      String county,
      ClosureReason reason,
      String note,
      Instant closedAt,
      int version,
      @JsonInclude(JsonInclude.Include.NON_NULL) Actor actor) {

    static ClosedPayload of(Project project, Actor actor) {
      Project.Closure closure = project.closure();
      return new ClosedPayload(
          project.id(),
          project.county(),
          closure.reason(),
          closure.note(),
          closure.at(),
          project.version(),
          actor);
    }
  }
}
