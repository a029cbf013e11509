package io.huoshui.project.report;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.printing.Csv;
import io.huoshui.project.printing.Html;
import io.huoshui.vocabulary.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The pack's section on policy instruments in the CSV file and on the printed page, with the
 * headings and the words of {@link ReportWords}: totals by kind, then each instrument, then each
 * instrument within a county and within a bank.
 */
final class InstrumentSection {

  private InstrumentSection() {}

  static void csv(Csv csv, InstrumentUse use, Language language) {
    csv.section(
        language.pick("政策工具使用：按种类合计", "policy instruments used: totals by kind"),
        ReportWords.instrumentKindColumns(language));
    use.byKind()
        .forEach(
            kind ->
                csv.line(
                    ReportWords.instrumentKind(kind.kind(), language),
                    kind.approvals(),
                    kind.approvedAmount(),
                    kind.drawnAmount()));
    csv.blank();
    csvUses(
        csv,
        language.pick("政策工具使用：按工具", "policy instruments used: by instrument"),
        List.of(),
        use.byInstrument(),
        used -> List.of(),
        language);
    csv.blank();
    csvUses(
        csv,
        language.pick("政策工具使用：按县区", "policy instruments used: by county"),
        List.of(language.pick("县区", "county")),
        use.byCounty(),
        used -> List.of(PlaceNames.label(used.county(), used.countyName(), language)),
        language);
    csv.blank();
    csvUses(
        csv,
        language.pick("政策工具使用：按银行", "policy instruments used: by bank"),
        List.of(language.pick("银行", "bank")),
        use.byBank(),
        used -> List.of(used.bankCode()),
        language);
  }

  private static void csvUses(
      Csv csv,
      String title,
      List<String> groupColumns,
      List<InstrumentUse.Used> rows,
      Function<InstrumentUse.Used, List<Object>> group,
      Language language) {
    List<String> columns = new ArrayList<>(groupColumns);
    columns.addAll(ReportWords.instrumentColumns(language));
    csv.section(title, columns);
    for (InstrumentUse.Used used : rows) {
      List<Object> cells = new ArrayList<>(group.apply(used));
      // Kind, name and issuer are null for an approval announced before they were told.
      cells.addAll(
          Arrays.asList(
              ReportWords.instrumentKind(used.kind(), language),
              used.name(),
              PlaceNames.label(used.issuerRegion(), used.issuerName(), language),
              used.instrumentId(),
              used.approvals(),
              used.approvedAmount(),
              used.drawnAmount()));
      csv.line(cells.toArray());
    }
  }

  static void html(StringBuilder html, InstrumentUse use, Language language) {
    html.append(language.pick("<h2>政策工具使用</h2>", "<h2>Policy instruments used</h2>"));
    List<String> amounts =
        language == Language.EN
            ? List.of("approvals", "approved 万元", "drawn 万元")
            : List.of("授信笔数", "授信（万元）", "支用（万元）");
    List<String> kindColumns = new ArrayList<>(List.of(language.pick("种类", "kind")));
    kindColumns.addAll(amounts);
    html.append(Html.headings(kindColumns));
    for (InstrumentUse.KindTotal kind : use.byKind()) {
      html.append(
          "<tr><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>"
              .formatted(
                  Html.escape(ReportWords.instrumentKind(kind.kind(), language)),
                  kind.approvals(),
                  Html.wan(kind.approvedAmount()),
                  Html.wan(kind.drawnAmount())));
    }
    html.append("</table>");
    htmlUses(html, null, use.byInstrument(), used -> null, amounts, language);
    htmlUses(
        html,
        language.pick("县区", "county"),
        use.byCounty(),
        used -> PlaceNames.label(used.county(), used.countyName(), language),
        amounts,
        language);
    htmlUses(
        html,
        language.pick("银行", "bank"),
        use.byBank(),
        InstrumentUse.Used::bankCode,
        amounts,
        language);
  }

  /** A table of uses, led by the column of their county or bank unless {@code heading} is null. */
  private static void htmlUses(
      StringBuilder html,
      String heading,
      List<InstrumentUse.Used> rows,
      Function<InstrumentUse.Used, String> group,
      List<String> amounts,
      Language language) {
    List<String> columns = new ArrayList<>();
    if (heading != null) {
      columns.add(heading);
    }
    columns.addAll(
        language == Language.EN
            ? List.of("instrument", "kind", "issuer")
            : List.of("政策工具", "种类", "出资地区"));
    columns.addAll(amounts);
    html.append(Html.headings(columns));
    for (InstrumentUse.Used used : rows) {
      html.append("<tr>");
      if (heading != null) {
        html.append("<td>%s</td>".formatted(Html.escape(group.apply(used))));
      }
      html.append(
          "<td class=\"text\">%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>"
              .formatted(
                  Html.escape(used.name() == null ? used.instrumentId().toString() : used.name()),
                  Html.escape(ReportWords.instrumentKind(used.kind(), language)),
                  Html.escape(PlaceNames.label(used.issuerRegion(), used.issuerName(), language)),
                  used.approvals(),
                  Html.wan(used.approvedAmount()),
                  Html.wan(used.drawnAmount())));
    }
    html.append("</table>");
  }
}
