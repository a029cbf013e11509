package io.huoshui.project.report;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.matchmaking.EventTotals;
import io.huoshui.project.printing.Html;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pack as one self-contained page to print for the meeting: no script, no external style or
 * font, the charts drawn as inline SVG, every figure also in a table; in Chinese unless English is
 * asked for.
 */
final class ReportHtml {

  private ReportHtml() {}

  static String render(QuarterlyReport report, Language language) {
    StringBuilder html = new StringBuilder();
    String scope =
        report.county() != null
            ? PlaceNames.label(report.county(), report.countyName(), language)
            : PlaceNames.label(report.tenantId(), report.tenantName(), language);
    html.append(
        Html.head(
            language,
            "%s %s · %s"
                .formatted(language.pick("季例会", "Quarterly review"), report.quarter(), scope)));
    html.append(
        "<h1>%s %s · %s</h1>"
            .formatted(
                language.pick("融资对接季例会", "Quarterly review"),
                Html.escape(report.quarter()),
                Html.escape(scope)));
    html.append(
        language
            .pick(
                "<p class=\"note\">%s 至 %s · 生成于 %s · 金额单位：万元</p>",
                "<p class=\"note\">%s – %s · generated %s · amounts in 万元 (10,000 CNY)</p>")
            .formatted(report.firstDay(), report.lastDay(), report.generatedAt()));

    FunnelRow total = report.funnel().total();
    html.append(language.pick("<h2>资金漏斗</h2>", "<h2>Funnel</h2>"));
    html.append(
        funnelChart(
            language == Language.EN
                ? List.of("requested", "intended", "approved", "disbursed")
                : List.of("需求", "意向", "授信", "放款"),
            List.of(
                total.requestedAmount(),
                total.intendedAmount(),
                total.approvedAmount(),
                total.disbursedAmount())));
    html.append(
        funnelTable(language.pick("县区", "County"), report.funnel().byCounty(), total, language));
    html.append(
        funnelTable(language.pick("行业", "Industry"), report.funnel().byIndustry(), null, language));

    html.append(language.pick("<h2>三色督办</h2>", "<h2>Supervision notices</h2>"));
    html.append(
        Html.headings(
            language == Language.EN
                ? List.of("colour", "issued", "closed", "open")
                : List.of("颜色", "发出", "已关闭", "未关闭")));
    for (QuarterlyReport.Supervision row : report.supervision()) {
      html.append(
          "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>"
              .formatted(Html.escape(row.colour()), row.issued(), row.closed(), row.open()));
    }
    html.append("</table>");
    html.append(
        Html.headings(
            language == Language.EN ? List.of("closed by", "notices") : List.of("关闭方式", "通知数")));
    for (QuarterlyReport.Closure row : report.closures()) {
      html.append(
          "<tr><td>%s</td><td>%d</td></tr>"
              .formatted(Html.escape(ReportWords.closing(row.reason(), language)), row.notices()));
    }
    html.append("</table>");

    html.append(language.pick("<h2>金融机构</h2>", "<h2>Banks</h2>"));
    html.append(
        Html.headings(
            language == Language.EN
                ? List.of(
                    "bank",
                    "pushed",
                    "answered",
                    "answer rate",
                    "interested",
                    "declined",
                    "approved",
                    "approval rate",
                    "approved 万元",
                    "disbursed 万元",
                    "median h to answer",
                    "syndicates led 万元",
                    "syndicate shares 万元")
                : List.of(
                    "银行",
                    "推送",
                    "已答复",
                    "答复率",
                    "有意向",
                    "已拒绝",
                    "已授信",
                    "授信率",
                    "授信（万元）",
                    "放款（万元）",
                    "首次答复用时中位数（小时）",
                    "银团牵头（万元）",
                    "银团参贷（万元）")));
    for (QuarterlyReport.Bank bank : report.banks()) {
      html.append(
          "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%d</td><td>%d</td><td>%d</td>"
                  .formatted(
                      Html.escape(bank.bankCode()),
                      bank.pushed(),
                      bank.answered(),
                      rateBar(bank.answerRate()),
                      bank.interested(),
                      bank.declined(),
                      bank.approved())
              + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                  .formatted(
                      rateBar(bank.approvalRate()),
                      Html.wan(bank.approvedAmount()),
                      Html.wan(bank.disbursedAmount()),
                      Objects.toString(bank.medianHoursToFirstAnswer(), "–"),
                      Html.wan(bank.leadApprovedAmount()),
                      Html.wan(bank.participantApprovedAmount())));
    }
    html.append("</table>");

    html.append(language.pick("<h2>久拖未决</h2>", "<h2>Stuck longest</h2>"));
    html.append(
        Html.headings(
            language == Language.EN
                ? List.of(
                    "county", "demand", "status", "requested 万元", "days since last step", "why")
                : List.of("县区", "项目", "状态", "申请（万元）", "距最近一步天数", "原因")));
    for (QuarterlyReport.Stuck stuck : report.stuck()) {
      html.append(
          "<tr><td>%s</td><td class=\"text\">%s</td><td>%s</td><td>%s</td><td>%d</td><td class=\"text\">%s</td></tr>"
              .formatted(
                  Html.escape(PlaceNames.label(stuck.county(), stuck.countyName(), language)),
                  Html.escape(stuck.title()),
                  Html.escape(stuck.status()),
                  Html.wan(stuck.amountRequested()),
                  stuck.daysSinceLastStep(),
                  Html.escape(language.pick(stuck.whyZh(), stuck.why()))));
    }
    html.append("</table>");

    html.append(language.pick("<h2>政银企对接会</h2>", "<h2>Matchmaking events</h2>"));
    html.append(
        Html.headings(
            language == Language.EN
                ? List.of(
                    "event",
                    "date",
                    "signed 万元",
                    "approved 万元",
                    "disbursed 万元",
                    "intentions",
                    "unfollowed")
                : List.of("对接会", "日期", "签约（万元）", "授信（万元）", "放款（万元）", "意向数", "签约未落地数")));
    for (EventTotals event : report.events()) {
      html.append(
          "<tr><td class=\"text\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td></tr>"
              .formatted(
                  Html.escape(event.title()),
                  event.date(),
                  Html.wan(event.signed()),
                  Html.wan(event.approved()),
                  Html.wan(event.disbursed()),
                  event.intentions(),
                  event.unfollowed()));
    }
    html.append("</table>");
    InstrumentSection.html(html, report.instruments(), language);
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String funnelTable(
      String heading, List<FunnelRow> rows, FunnelRow total, Language language) {
    List<String> columns = new ArrayList<>(List.of(heading));
    columns.addAll(
        language == Language.EN
            ? List.of(
                "submitted",
                "pushed",
                "no match",
                "exhausted",
                "requested 万元",
                "intended 万元",
                "approved 万元",
                "disbursed 万元")
            : List.of("提交", "已推送", "无匹配", "已穷尽", "申请（万元）", "意向（万元）", "授信（万元）", "放款（万元）"));
    StringBuilder table = new StringBuilder(Html.headings(columns));
    for (FunnelRow row : rows) {
      table.append(
          funnelRow(Html.escape(PlaceNames.label(row.group(), row.groupName(), language)), row));
    }
    if (total != null) {
      table.append(funnelRow(language.pick("<b>合计</b>", "<b>total</b>"), total));
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
            Html.wan(row.requestedAmount()),
            Html.wan(row.intendedAmount()),
            Html.wan(row.approvedAmount()),
            Html.wan(row.disbursedAmount()));
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
                  y + 16,
                  Html.escape(labels.get(i)),
                  y + 2,
                  width,
                  136 + width,
                  y + 16,
                  Html.wan(amount)));
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
}
