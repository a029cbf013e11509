package io.huoshui.project.report;

import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The pack as one self-contained page to print for the meeting: no script, no external style or
 * font, the charts drawn as inline SVG, every figure also in a table.
 */
final class ReportHtml {

  private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

  private ReportHtml() {}

  static String render(QuarterlyReport report) {
    StringBuilder html = new StringBuilder();
    String scope = report.county() != null ? report.county() : report.tenantId();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>季例会 %s · %s</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%%;font-size:.85em}
        th,td{border:1px solid #bbb;padding:.25em .5em;text-align:right}
        th:first-child,td:first-child,td.text{text-align:left}
        .note{color:#555;font-size:.85em}
        @media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}}
        </style></head><body>
        """
            .formatted(escape(report.quarter()), escape(scope)));
    html.append(
        "<h1>融资对接季例会 · Quarterly review %s · %s</h1>"
            .formatted(escape(report.quarter()), escape(scope)));
    html.append(
        "<p class=\"note\">%s – %s · generated %s · amounts in 万元 (10,000 CNY)</p>"
            .formatted(report.firstDay(), report.lastDay(), report.generatedAt()));

    FunnelRow total = report.funnel().total();
    html.append("<h2>资金漏斗 · Funnel</h2>");
    html.append(
        funnelChart(
            List.of("需求 requested", "意向 intended", "授信 approved", "放款 disbursed"),
            List.of(
                total.requestedAmount(),
                total.intendedAmount(),
                total.approvedAmount(),
                total.disbursedAmount())));
    html.append(funnelTable("县区 County", report.funnel().byCounty(), total));
    html.append(funnelTable("行业 Industry", report.funnel().byIndustry(), null));

    html.append(
        "<h2>三色督办 · Supervision notices</h2><table><tr><th>colour</th><th>issued</th>"
            + "<th>closed</th><th>open</th></tr>");
    for (QuarterlyReport.Supervision row : report.supervision()) {
      html.append(
          "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>"
              .formatted(escape(row.colour()), row.issued(), row.closed(), row.open()));
    }
    html.append("</table>");

    html.append(
        "<h2>金融机构 · Banks</h2><table><tr><th>bank</th><th>pushed</th><th>answered</th>"
            + "<th>answer rate</th><th>interested</th><th>declined</th><th>approved</th>"
            + "<th>approval rate</th><th>approved 万元</th><th>disbursed 万元</th>"
            + "<th>median h to answer</th></tr>");
    for (QuarterlyReport.Bank bank : report.banks()) {
      html.append(
          "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td>"
                  .formatted(
                      escape(bank.bankCode()),
                      bank.pushed(),
                      bank.answered(),
                      rateBar(bank.answerRate()),
                      bank.interested(),
                      bank.declined(),
                      bank.approved())
              + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                  .formatted(
                      rateBar(bank.approvalRate()),
                      wan(bank.approvedAmount()),
                      wan(bank.disbursedAmount()),
                      Objects.toString(bank.medianHoursToFirstAnswer(), "–")));
    }
    html.append("</table>");

    html.append(
        "<h2>久拖未决 · Stuck longest</h2><table><tr><th>county</th><th>demand</th>"
            + "<th>status</th><th>requested 万元</th><th>days since last step</th><th>why</th></tr>");
    for (QuarterlyReport.Stuck stuck : report.stuck()) {
      html.append(
          "<tr><td>%s</td><td class=\"text\">%s</td><td>%s</td><td>%s</td><td>%d</td><td class=\"text\">%s<br>%s</td></tr>"
              .formatted(
                  escape(stuck.county()),
                  escape(stuck.title()),
                  escape(stuck.status()),
                  wan(stuck.amountRequested()),
                  stuck.daysSinceLastStep(),
                  escape(stuck.whyZh()),
                  escape(stuck.why())));
    }
    html.append("</table></body></html>\n");
    return html.toString();
  }

  private static String funnelTable(String heading, List<FunnelRow> rows, FunnelRow total) {
    StringBuilder table =
        new StringBuilder(
            "<table><tr><th>%s</th><th>submitted</th><th>pushed</th><th>no match</th><th>exhausted</th>"
                    .formatted(escape(heading))
                + "<th>requested 万元</th><th>intended 万元</th><th>approved 万元</th>"
                + "<th>disbursed 万元</th></tr>");
    for (FunnelRow row : rows) {
      table.append(funnelRow(escape(row.group()), row));
    }
    if (total != null) {
      table.append(funnelRow("<b>合计 total</b>", total));
    }
    return table.append("</table>").toString();
  }

  private static String funnelRow(String label, FunnelRow row) {
    return "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
        .formatted(
            label,
            row.submitted(),
            row.pushed(),
            row.noMatch(),
            row.exhausted(),
            wan(row.requestedAmount()),
            wan(row.intendedAmount()),
            wan(row.approvedAmount()),
            wan(row.disbursedAmount()));
  }

  /** Horizontal bars, each as long as its amount relative to the first (the requested). */
  private static String funnelChart(List<String> labels, List<BigDecimal> amounts) {
    BigDecimal largest = amounts.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    int rowHeight = 28;
    StringBuilder svg =
        new StringBuilder(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"%d\" role=\"img\">"
                .formatted(rowHeight * labels.size() + 4));
    for (int i = 0; i < labels.size(); i++) {
      BigDecimal amount = amounts.get(i);
      int width =
          largest.signum() == 0
              ? 0
              : amount
                  .multiply(BigDecimal.valueOf(480))
                  .divide(largest, 0, RoundingMode.HALF_UP)
                  .intValue();
      int y = i * rowHeight;
      svg.append(
          "<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text><rect x=\"130\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"#2b6cb0\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>"
              .formatted(
                  y + 16, escape(labels.get(i)), y + 2, width, 136 + width, y + 16, wan(amount)));
    }
    return svg.append("</svg>").toString();
  }

  private static String rateBar(BigDecimal rate) {
    if (rate == null) {
      return "–";
    }
    int width = rate.multiply(BigDecimal.valueOf(60)).intValue();
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"10\"><rect width=\"%d\" height=\"10\" fill=\"#38a169\"/></svg> %s%%"
        .formatted(width, rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString());
  }

  /** Amounts as the review reads them, in 万元 with two decimals. */
  private static String wan(BigDecimal amount) {
    return amount == null
        ? "–"
        : amount.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
