package io.huoshui.project.matchmaking;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.printing.Html;
import io.huoshui.vocabulary.Language;

/**
 * An event's reconciliation as a page to print ({@link Html}): the sums by bank and by demand, then
 * every line, an unfollowed intention's row in its supervision colour.
 */
final class ReconciliationHtml {

  private ReconciliationHtml() {}

  static String render(Reconciliation report, Language language) {
    String region = PlaceNames.label(report.region(), report.regionName(), language);
    StringBuilder html =
        new StringBuilder(
            Html.head(
                language,
                "%s · %s · %s"
                    .formatted(
                        language.pick("对接会签约落地对账", "Matchmaking reconciliation"),
                        report.title(),
                        region)));
    html.append(
        "<h1>%s · %s</h1>"
            .formatted(
                Html.escape(report.title()),
                language.pick("签约落地对账", "what was signed, approved and disbursed")));
    html.append(
        language
            .pick(
                "<p class=\"note\">%s · %s · %s · 主题：%s · 签约后 %d 个工作日内授信 · 生成于 %s · 金额单位：万元</p>",
                "<p class=\"note\">%s · %s · %s · theme: %s · approval due %d working days after"
                    + " the event · generated %s · amounts in 万元 (10,000 CNY)</p>")
            .formatted(
                report.date(),
                Html.escape(report.venue()),
                Html.escape(region),
                Html.escape(report.theme()),
                report.followUpWorkingDays(),
                report.generatedAt()));
    html.append(language.pick("<h2>按银行</h2>", "<h2>By bank</h2>"));
    html.append(Html.headings(MatchmakingWords.sumColumns(language.pick("银行", "bank"), language)));
    report.byBank().forEach(bank -> html.append(sums(Html.escape(bank.bankCode()), bank.sums())));
    html.append(sums(language.pick("<b>合计</b>", "<b>total</b>"), report.total()));
    html.append("</table>");
    html.append(language.pick("<h2>按需求</h2>", "<h2>By demand</h2>"));
    html.append(
        Html.headings(MatchmakingWords.sumColumns(language.pick("需求", "demand"), language)));
    report
        .byDemand()
        .forEach(
            demand ->
                html.append(
                    sums(
                        Html.escape(
                            PlaceNames.label(demand.county(), demand.countyName(), language)
                                + " "
                                + demand.title()),
                        demand.sums())));
    html.append("</table>");
    html.append(language.pick("<h2>逐笔对账</h2>", "<h2>Lines</h2>"));
    html.append(Html.headings(MatchmakingWords.lineColumns(language)));
    for (Reconciliation.Line line : report.lines()) {
      html.append(
          ("<tr class=\"%s\"><td>%s</td><td class=\"text\">%s</td><td>%s</td>"
                  + "<td class=\"text\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                  + "<td>%s</td><td>%s</td><td class=\"text\">%s</td><td>%s</td></tr>")
              .formatted(
                  line.colour() == null ? "" : line.colour(),
                  Html.escape(line.bankCode()),
                  line.projectId(),
                  Html.escape(PlaceNames.label(line.county(), line.countyName(), language)),
                  Html.escape(line.title()),
                  Html.wan(line.signed()),
                  Html.wan(line.approved()),
                  Html.wan(line.disbursed()),
                  line.signedAt() == null ? "–" : line.signedAt(),
                  line.firstApprovalAt() == null ? "–" : line.firstApprovalAt(),
                  line.dueOn() == null ? "–" : line.dueOn(),
                  Html.escape(MatchmakingWords.status(line.status(), language)),
                  Html.escape(MatchmakingWords.colour(line.colour(), language))));
    }
    html.append("</table></body></html>\n");
    return html.toString();
  }

  private static String sums(String label, Reconciliation.Sums sums) {
    return "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%d</td></tr>"
        .formatted(
            label,
            Html.wan(sums.signed()),
            Html.wan(sums.approved()),
            Html.wan(sums.disbursed()),
            sums.intentions(),
            sums.unfollowed());
  }
}
