package io.huoshui.project.report;

import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.printing.Csv;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import io.huoshui.vocabulary.Language;
import java.util.List;

/**
 * The pack as one CSV file ({@link Csv}), a section per table. Headings are Chinese unless English
 * is asked for; counties are shown with their names, "长子县（140428）".
 */
final class ReportCsv {

  private ReportCsv() {}

  static String render(QuarterlyReport report, Language language) {
    Csv csv = new Csv();
    csv.line(
        language.pick("季度", "quarter"),
        report.quarter(),
        language.pick("自", "from"),
        report.firstDay(),
        language.pick("至", "to"),
        report.lastDay());
    csv.line(
        language.pick("范围", "tenant"),
        report.tenantType(),
        PlaceNames.label(report.tenantId(), report.tenantName(), language),
        language.pick("县区", "county"),
        PlaceNames.label(report.county(), report.countyName(), language));
    csv.blank();
    List<String> funnelColumns = ReportWords.funnelColumns(language);
    csv.section(language.pick("按县区的资金漏斗", "funnel by county"), funnelColumns);
    report.funnel().byCounty().forEach(row -> funnel(csv, row, language));
    funnel(csv, report.funnel().total(), language);
    csv.blank();
    csv.section(language.pick("按行业的资金漏斗", "funnel by industry"), funnelColumns);
    report.funnel().byIndustry().forEach(row -> funnel(csv, row, language));
    csv.blank();
    csv.section(
        language.pick("三色督办", "supervision notices"),
        language == Language.EN
            ? List.of("colour", "issued", "closed", "open")
            : List.of("颜色", "发出", "已关闭", "未关闭"));
    report
        .supervision()
        .forEach(row -> csv.line(row.colour(), row.issued(), row.closed(), row.open()));
    csv.blank();
    csv.section(
        language.pick("督办关闭方式", "supervision notices closed, by how"),
        language == Language.EN
            ? List.of("reason", "how", "notices")
            : List.of("原因代码", "关闭方式", "通知数"));
    report
        .closures()
        .forEach(
            row ->
                csv.line(row.reason(), ReportWords.closing(row.reason(), language), row.notices()));
    csv.blank();
    csv.section(language.pick("金融机构", "banks"), ReportWords.bankColumns(language));
    report
        .banks()
        .forEach(
            bank ->
                csv.line(
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
                    bank.meanHoursToFirstAnswer(),
                    bank.leadApprovedAmount(),
                    bank.participantApprovedAmount()));
    csv.blank();
    csv.section(language.pick("久拖未决", "stuck longest"), ReportWords.stuckColumns(language));
    report
        .stuck()
        .forEach(
            stuck ->
                csv.line(
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
    csv.blank();
    csv.section(language.pick("政银企对接会", "matchmaking events"), ReportWords.eventColumns(language));
    report
        .events()
        .forEach(
            event ->
                csv.line(
                    event.title(),
                    event.date(),
                    event.region(),
                    event.signed(),
                    event.approved(),
                    event.disbursed(),
                    event.intentions(),
                    event.unfollowed()));
    csv.blank();
    InstrumentSection.csv(csv, report.instruments(), language);
    return csv.toString();
  }

  private static void funnel(Csv csv, FunnelRow row, Language language) {
    csv.line(
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
}
