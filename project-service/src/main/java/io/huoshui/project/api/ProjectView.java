package io.huoshui.project.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.Collateral;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Funnel;
import io.huoshui.project.domain.Industry;
import io.huoshui.project.domain.NoMatch;
import io.huoshui.project.domain.Project;
import io.huoshui.project.domain.ProjectStatus;
import io.huoshui.project.domain.Purpose;
import io.huoshui.project.domain.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored demand as the API answers it: what was asked, where it stands, and its funnel.
 *
 * @param noMatch why nothing fitted; only while the status is NO_MATCH
 * @param withdrawal only once withdrawn
 * @param changedAt when the county last submitted or changed the demand
 */
record ProjectView(
    UUID id,
    String county,
    ProjectStatus status,
    String title,
    String description,
    Demand.Enterprise enterprise,
    Industry industry,
    Purpose purpose,
    BigDecimal totalInvestment,
    BigDecimal amountRequested,
    int termMonths,
    List<Collateral> collateral,
    List<Tag> tags,
    Demand.Contact contact,
    Funnel funnel,
    @JsonInclude(JsonInclude.Include.NON_NULL) NoMatch noMatch,
    @JsonInclude(JsonInclude.Include.NON_NULL) Project.Withdrawal withdrawal,
    Instant submittedAt,
    Instant changedAt,
    int version) {

  static ProjectView of(Project project) {
    Demand demand = project.demand();
    return new ProjectView(
        project.id(),
        project.county(),
        project.status(),
        demand.title(),
        demand.description(),
        demand.enterprise(),
        demand.industry(),
        demand.purpose(),
        demand.totalInvestment(),
        demand.amountRequested(),
        demand.termMonths(),
        demand.collateral(),
        demand.tags(),
        demand.contact(),
        project.funnel(),
        project.noMatch(),
        project.withdrawal(),
        project.submittedAt(),
        project.changedAt(),
        project.version());
  }
}
