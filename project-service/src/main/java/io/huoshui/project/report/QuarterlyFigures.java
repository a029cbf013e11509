package io.huoshui.project.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.service.security.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The figures of the quarterly review (季例会), each a sum or a count over the records the service
 * keeps of each demand, its matches and its timeline, within what the tenant may see, so that the
 * pack reconciles with them by construction.
 */
final class QuarterlyFigures {

  private QuarterlyFigures() {}

  /** What the report is about: whose demands, and which three months. */
  record Scope(Tenant tenant, String county, Instant from, Instant to) {}

  /** The funnel of one group of demands (a county, an industry) submitted in the quarter. */
  record FunnelRow(
      String group,
      @JsonInclude(JsonInclude.Include.NON_NULL) String groupName,
      long submitted,
      long pushed,
      long noMatch,
      long exhausted,
      long withIntent,
      long approved,
      long disbursed,
      long withdrawn,
      BigDecimal requestedAmount,
      BigDecimal intendedAmount,
      BigDecimal approvedAmount,
      BigDecimal disbursedAmount) {

    /** The row with the name of its group, a county, from the division table. */
    FunnelRow named(PlaceNames places) {
      return new FunnelRow(
          group,
          places.nameOf(group),
          submitted,
          pushed,
          noMatch,
          exhausted,
          withIntent,
          approved,
          disbursed,
          withdrawn,
          requestedAmount,
          intendedAmount,
          approvedAmount,
          disbursedAmount);
    }
  }

  /** One bank's answers to the matches pushed to it in the quarter. */
  record BankRow(
      String bankCode,
      long pushed,
      long answered,
      long interested,
      long declined,
      long approved,
      BigDecimal intendedAmount,
      BigDecimal approvedAmount,
      BigDecimal disbursedAmount,
      Double medianHoursToFirstAnswer,
      Double meanHoursToFirstAnswer,
      BigDecimal leadApprovedAmount,
      BigDecimal participantApprovedAmount) {}

  /**
   * How many supervision notices of one colour issued in the quarter were closed in one way.
   *
   * @param closedBy BANK_ANSWERED, MATCH_RELEASED or the reason of a financial office's closure;
   *     null for the notices still open
   */
  record SupervisionRow(String colour, String closedBy, long notices) {}

  /** An open demand and where it stands, oldest last movement first. */
  record StuckRow(
      UUID projectId,
      String county,
      String title,
      String status,
      BigDecimal amountRequested,
      Instant submittedAt,
      String lastStep,
      Instant lastStepAt,
      String supervisionColour,
      long unansweredMatches,
      JsonNode noMatch) {}
}
