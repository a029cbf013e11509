package io.huoshui.project.report;

import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pack as one CSV file, a section per table, in UTF-8 with a byte-order mark so that Excel,
 * which the county offices use, opens the Chinese titles as text rather than mojibake.
 */
final class ReportCsv {

  private static final String BOM = "\uFEFF";
  private static final List<String> FUNNEL_HEADER =
      List.of(
          "group",
          "submitted",
          "pushed",
          "no_match",
          "exhausted",
          "with_intent",
          "approved",
          "disbursed",
          "withdrawn",
          "requested_cny",
          "intended_cny",
          "approved_cny",
          "disbursed_cny");

  private ReportCsv() {}

  static String render(QuarterlyReport report) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, "quarter", report.quarter(), "from", report.firstDay(), "to", report.lastDay());
    line(csv, "tenant", report.tenantType(), report.tenantId(), "county", report.county());
    csv.append("\r\n");
    section(csv, "funnel by county", FUNNEL_HEADER);
    report.funnel().byCounty().forEach(row -> funnel(csv, row));
    funnel(csv, report.funnel().total());
    csv.append("\r\n");
    section(csv, "funnel by industry", FUNNEL_HEADER);
    report.funnel().byIndustry().forEach(row -> funnel(csv, row));
    csv.append("\r\n");
    section(csv, "supervision notices", List.of("colour", "issued", "closed", "open"));
    report
        .supervision()
        .forEach(row -> line(csv, row.colour(), row.issued(), row.closed(), row.open()));
    csv.append("\r\n");
    section(
        csv,
        "banks",
        List.of(
            "bank",
            "pushed",
            "answered",
            "answer_rate",
            "interested",
            "declined",
            "approved",
            "approval_rate",
            "intended_cny",
            "approved_cny",
            "disbursed_cny",
            "median_hours_to_first_answer",
            "mean_hours_to_first_answer"));
    report
        .banks()
        .forEach(
            bank ->
                line(
                    csv,
                    bank.bankCode(),
                    bank.pushed(),
                    bank.answered(),
                    bank.answerRate(),
                    bank.interested(),
                    bank.declined(),
                    bank.approved(),
                    bank.approvalRate(),
                    bank.intendedAmount(),
                    bank.approvedAmount(),
                    bank.disbursedAmount(),
                    bank.medianHoursToFirstAnswer(),
                    bank.meanHoursToFirstAnswer()));
    csv.append("\r\n");
    section(
        csv,
        "stuck longest",
        List.of(
            "project_id",
            "county",
            "title",
            "status",
            "requested_cny",
            "submitted_at",
            "last_step",
            "last_step_at",
            "days_since_last_step",
            "why",
            "why_zh"));
    report
        .stuck()
        .forEach(
            stuck ->
                line(
                    csv,
                    stuck.projectId(),
                    stuck.county(),
                    stuck.title(),
                    stuck.status(),
                    stuck.amountRequested(),
                    stuck.submittedAt(),
                    stuck.lastStep(),
                    stuck.lastStepAt(),
                    stuck.daysSinceLastStep(),
                    stuck.why(),
                    stuck.whyZh()));
    return csv.toString();
  }

  private static void section(StringBuilder csv, String title, List<String> header) {
    line(csv, "# " + title);
    line(csv, header.toArray());
  }

  private static void funnel(StringBuilder csv, FunnelRow row) {
    line(
        csv,
        row.group(),
        row.submitted(),
        row.pushed(),
        row.noMatch(),
        row.exhausted(),
        row.withIntent(),
        row.approved(),
        row.disbursed(),
        row.withdrawn(),
        row.requestedAmount(),
        row.intendedAmount(),
        row.approvedAmount(),
        row.disbursedAmount());
  }

  private static void line(StringBuilder csv, Object... cells) {
    csv.append(Stream.of(cells).map(ReportCsv::cell).collect(Collectors.joining(",")))
        .append("\r\n");
  }

  /**
   * RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with a quote
   * mark, because titles are typed by county officers and the file is opened by others.
   */
  private static String cell(Object value) {
    String text = Objects.toString(value, "");
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
