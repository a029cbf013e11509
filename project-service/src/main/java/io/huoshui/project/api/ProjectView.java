package io.huoshui.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Funnel;
import io.huoshui.project.domain.NoMatch;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.domain.Project;
import io.huoshui.project.domain.ProjectStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored demand as the API answers it: the members of the demand as submitted, beside where it
 * stands and its funnel.
 *
 * @param countyName the county's name in the division table; absent when the table lacks it
 * @param noMatch why nothing fitted; only while the status is NO_MATCH
 * @param withdrawal only once withdrawn
 * @param closure only once the county closed it
 * @param changedAt when the county last submitted or changed the demand
 */
record ProjectView(
    UUID id,
    String county,
    @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
    ProjectStatus status,
    @JsonUnwrapped Demand demand,
    Funnel funnel,
    @JsonInclude(JsonInclude.Include.NON_NULL) NoMatch noMatch,
    @JsonInclude(JsonInclude.Include.NON_NULL) Project.Withdrawal withdrawal,
    @JsonInclude(JsonInclude.Include.NON_NULL) Project.Closure closure,
    Instant submittedAt,
    Instant changedAt,
    int version) {

  static ProjectView of(Project project, PlaceNames places) {
    return new ProjectView(
        project.id(),
        project.county(),
        places.nameOf(project.county()),
        project.status(),
        project.demand(),
        project.funnel(),
        project.noMatch(),
        project.withdrawal(),
        project.closure(),
        project.submittedAt(),
        project.changedAt(),
        project.version());
  }
}
