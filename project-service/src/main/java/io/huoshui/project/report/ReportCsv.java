package io.huoshui.project.report;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import io.huoshui.vocabulary.Language;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pack as one CSV file, a section per table, in UTF-8 with a byte-order mark so that Excel,
 * which the county offices use, opens the Chinese titles as text rather than mojibake. Headings are
 * Chinese unless English is asked for; counties are shown with their names, "长子县（140428）".
 */
final class ReportCsv {

  private static final String BOM = "\uFEFF";

  private ReportCsv() {}

  static String render(QuarterlyReport report, Language language) {
    StringBuilder csv = new StringBuilder(BOM);
    line(
        csv,
        language.pick("季度", "quarter"),
        report.quarter(),
        language.pick("自", "from"),
        report.firstDay(),
        language.pick("至", "to"),
        report.lastDay());
    line(
        csv,
        language.pick("范围", "tenant"),
        report.tenantType(),
        PlaceNames.label(report.tenantId(), report.tenantName(), language),
        language.pick("县区", "county"),
        PlaceNames.label(report.county(), report.countyName(), language));
    csv.append("\r\n");
    List<String> funnelColumns = ReportWords.funnelColumns(language);
    section(csv, language.pick("按县区的资金漏斗", "funnel by county"), funnelColumns);
    report.funnel().byCounty().forEach(row -> funnel(csv, row, language));
    funnel(csv, report.funnel().total(), language);
    csv.append("\r\n");
    section(csv, language.pick("按行业的资金漏斗", "funnel by industry"), funnelColumns);
    report.funnel().byIndustry().forEach(row -> funnel(csv, row, language));
    csv.append("\r\n");
    section(
        csv,
        language.pick("三色督办", "supervision notices"),
        language == Language.EN
            ? List.of("colour", "issued", "closed", "open")
            : List.of("颜色", "发出", "已关闭", "未关闭"));
    report
        .supervision()
        .forEach(row -> line(csv, row.colour(), row.issued(), row.closed(), row.open()));
    csv.append("\r\n");
    section(
        csv,
        language.pick("督办关闭方式", "supervision notices closed, by how"),
        language == Language.EN
            ? List.of("reason", "how", "notices")
            : List.of("原因代码", "关闭方式", "通知数"));
    report
        .closures()
        .forEach(
            row ->
                line(
                    csv, row.reason(), ReportWords.closing(row.reason(), language), row.notices()));
    csv.append("\r\n");
    section(csv, language.pick("金融机构", "banks"), ReportWords.bankColumns(language));
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
    section(csv, language.pick("久拖未决", "stuck longest"), ReportWords.stuckColumns(language));
    report
        .stuck()
        .forEach(
            stuck ->
                line(
                    csv,
                    stuck.projectId(),
                    PlaceNames.label(stuck.county(), stuck.countyName(), language),
                    stuck.title(),
                    stuck.status(),
                    stuck.amountRequested(),
                    stuck.submittedAt(),
                    stuck.lastStep(),
                    stuck.lastStepAt(),
                    stuck.daysSinceLastStep(),
                    language.pick(stuck.whyZh(), stuck.why())));
    csv.append("\r\n");
    InstrumentSection.csv(csv, report.instruments(), language);
    return csv.toString();
  }

  static void section(StringBuilder csv, String title, List<String> header) {
    line(csv, "# " + title);
    line(csv, header.toArray());
  }

  private static void funnel(StringBuilder csv, FunnelRow row, Language language) {
    line(
        csv,
        "TOTAL".equals(row.group())
            ? language.pick("合计", "TOTAL")
            : PlaceNames.label(row.group(), row.groupName(), language),
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

  static void line(StringBuilder csv, Object... cells) {
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
