package io.huoshui.project.matchmaking;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.printing.Csv;
import io.huoshui.vocabulary.Language;

/**
 * An event's reconciliation as one CSV file ({@link Csv}): the event, then the sums by bank and by
 * demand, then every line; headings in Chinese unless English is asked for.
 */
final class ReconciliationCsv {

  private ReconciliationCsv() {}

  static String render(Reconciliation report, Language language) {
    Csv csv = new Csv();
    csv.line(
        language.pick("对接会", "event"),
        report.title(),
        language.pick("日期", "date"),
        report.date(),
        language.pick("地点", "venue"),
        report.venue());
    csv.line(
        language.pick("地区", "region"),
        PlaceNames.label(report.region(), report.regionName(), language),
        language.pick("主题", "theme"),
        report.theme(),
        language.pick("授信期限（工作日）", "follow-up working days"),
        report.followUpWorkingDays());
    csv.blank();
    csv.section(
        language.pick("按银行", "by bank"),
        MatchmakingWords.sumColumns(language.pick("银行", "bank"), language));
    report.byBank().forEach(bank -> sums(csv, bank.bankCode(), bank.sums()));
    sums(csv, language.pick("合计", "TOTAL"), report.total());
    csv.blank();
    csv.section(
        language.pick("按需求", "by demand"),
        MatchmakingWords.sumColumns(language.pick("需求", "demand"), language));
    report
        .byDemand()
        .forEach(
            demand ->
                sums(
                    csv,
                    "%s %s"
                        .formatted(
                            PlaceNames.label(demand.county(), demand.countyName(), language),
                            demand.title()),
                    demand.sums()));
    csv.blank();
    csv.section(language.pick("逐笔对账", "lines"), MatchmakingWords.lineColumns(language));
    for (Reconciliation.Line line : report.lines()) {
      csv.line(
          line.bankCode(),
          line.projectId(),
          PlaceNames.label(line.county(), line.countyName(), language),
          line.title(),
          line.signed(),
          line.approved(),
          line.disbursed(),
          line.signedAt(),
          line.firstApprovalAt(),
          line.dueOn(),
          MatchmakingWords.status(line.status(), language),
          MatchmakingWords.colour(line.colour(), language));
    }
    return csv.toString();
  }

  private static void sums(Csv csv, String group, Reconciliation.Sums sums) {
    csv.line(
        group,
        sums.signed(),
        sums.approved(),
        sums.disbursed(),
        sums.intentions(),
        sums.unfollowed());
  }
}
