package io.huoshui.project.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.huoshui.project.matchmaking.EventTotals;
import io.huoshui.project.report.QuarterlyFigures.BankRow;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The pack for the quarterly review (季例会): the funnel of the quarter's demands, what is stuck and
 * why, the supervision notices, how each bank answered, and what the banks signed at the quarter's
 * matchmaking events against what they approved and disbursed, and the policy instruments the
 * approvals drew on.
 */
record QuarterlyReport(
    String quarter,
    LocalDate firstDay,
    LocalDate lastDay,
    String tenantType,
    String tenantId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String tenantName,
    String county,
    @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
    Instant generatedAt,
    Funnel funnel,
    List<Supervision> supervision,
    List<Closure> closures,
    List<Bank> banks,
    List<Stuck> stuck,
    List<EventTotals> events,
    InstrumentUse instruments) {

  /** Demands submitted in the quarter, overall and broken down. */
  record Funnel(FunnelRow total, List<FunnelRow> byCounty, List<FunnelRow> byIndustry) {

    static FunnelRow total(List<FunnelRow> rows) {
      return new FunnelRow(
          "TOTAL",
          null,
          rows.stream().mapToLong(FunnelRow::submitted).sum(),
          rows.stream().mapToLong(FunnelRow::pushed).sum(),
          rows.stream().mapToLong(FunnelRow::noMatch).sum(),
          rows.stream().mapToLong(FunnelRow::exhausted).sum(),
          rows.stream().mapToLong(FunnelRow::withIntent).sum(),
          rows.stream().mapToLong(FunnelRow::approved).sum(),
          rows.stream().mapToLong(FunnelRow::disbursed).sum(),
          rows.stream().mapToLong(FunnelRow::withdrawn).sum(),
          sum(rows.stream().map(FunnelRow::requestedAmount).toList()),
          sum(rows.stream().map(FunnelRow::intendedAmount).toList()),
          sum(rows.stream().map(FunnelRow::approvedAmount).toList()),
          sum(rows.stream().map(FunnelRow::disbursedAmount).toList()));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
      return amounts.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
  }

  /** Notices of one colour issued in the quarter; open = issued − closed. */
  record Supervision(String colour, long issued, long closed, long open) {}

  /**
   * How many of the quarter's notices were closed in one way: BANK_ANSWERED (the bank answered the
   * match), MATCH_RELEASED (the match ended for another cause than RED), or a financial office's
   * closure (销号) by its reason: BANK_ANSWERED_OFFLINE, SETTLED, NOT_APPLICABLE.
   */
  record Closure(String reason, long notices) {}

  /** One bank's answers to what was pushed to it in the quarter, with its rates. */
  record Bank(
      String bankCode,
      long pushed,
      long answered,
      BigDecimal answerRate,
      long interested,
      long declined,
      long approved,
      BigDecimal approvalRate,
      BigDecimal intendedAmount,
      BigDecimal approvedAmount,
      BigDecimal disbursedAmount,
      Double medianHoursToFirstAnswer,
      Double meanHoursToFirstAnswer,
      BigDecimal leadApprovedAmount,
      BigDecimal participantApprovedAmount) {

    static Bank of(BankRow row) {
      return new Bank(
          row.bankCode(),
          row.pushed(),
          row.answered(),
          rate(row.answered(), row.pushed()),
          row.interested(),
          row.declined(),
          row.approved(),
          rate(row.approved(), row.pushed()),
          row.intendedAmount(),
          row.approvedAmount(),
          row.disbursedAmount(),
          round(row.medianHoursToFirstAnswer()),
          round(row.meanHoursToFirstAnswer()),
          row.leadApprovedAmount(),
          row.participantApprovedAmount());
    }

    private static BigDecimal rate(long part, long whole) {
      return whole == 0
          ? null
          : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static Double round(Double hours) {
      return hours == null
          ? null
          : BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
  }

  /** An open demand that has not moved for the longest, and why, in English and Chinese. */
  record Stuck(
      UUID projectId,
      String county,
      @JsonInclude(JsonInclude.Include.NON_NULL) String countyName,
      String title,
      String status,
      BigDecimal amountRequested,
      Instant submittedAt,
      String lastStep,
      Instant lastStepAt,
      long daysSinceLastStep,
      String why,
      String whyZh) {}
}
