package io.huoshui.project.report;

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
      BigDecimal disbursedAmount) {}

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
      Double meanHoursToFirstAnswer) {}

  /** Supervision notices of one colour issued in the quarter, and how many were since closed. */
  record SupervisionRow(String colour, long issued, long closed) {}

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
