package io.huoshui.project.report;

import io.huoshui.project.report.QuarterlyFigures.Scope;
import io.huoshui.project.report.QuarterlyFigures.StuckRow;
import io.huoshui.project.report.ReportStore.Grouping;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Assembles the quarterly pack for a tenant: operators their region, counties their own. */
@Service
class QuarterlyReports {

  static final int STUCK_LISTED = 10;

  private final ReportStore figures;
  private final Clock clock;

  QuarterlyReports(ReportStore figures, Clock clock) {
    this.figures = figures;
    this.clock = clock;
  }

  Mono<QuarterlyReport> of(Tenant tenant, Quarter quarter, String county) {
    if (county != null && !tenant.covers(county)) {
      // A county outside the tenant's reach is answered as one that does not exist.
      return Mono.error(ApiProblem.notFound("There is no county " + county + " in your scope."));
    }
    Scope scope = new Scope(tenant, county, quarter.start(), quarter.end());
    Instant now = clock.instant();
    return Mono.zip(
            figures.funnelBy(scope, Grouping.COUNTY).collectList(),
            figures.funnelBy(scope, Grouping.INDUSTRY).collectList(),
            figures.supervision(scope).collectList(),
            figures.banks(scope).collectList(),
            figures.stuck(scope, STUCK_LISTED).collectList())
        .map(
            parts ->
                new QuarterlyReport(
                    quarter.toString(),
                    quarter.firstDay(),
                    quarter.endDay().minusDays(1),
                    tenant.type().name(),
                    tenant.id(),
                    county,
                    now,
                    new QuarterlyReport.Funnel(
                        QuarterlyReport.Funnel.total(parts.getT1()), parts.getT1(), parts.getT2()),
                    parts.getT3().stream()
                        .map(
                            row ->
                                new QuarterlyReport.Supervision(
                                    row.colour(),
                                    row.issued(),
                                    row.closed(),
                                    row.issued() - row.closed()))
                        .toList(),
                    parts.getT4().stream().map(QuarterlyReport.Bank::of).toList(),
                    parts.getT5().stream().map(row -> stuck(row, now)).toList()));
  }

  private static QuarterlyReport.Stuck stuck(StuckRow row, Instant now) {
    String[] why = why(row);
    return new QuarterlyReport.Stuck(
        row.projectId(),
        row.county(),
        row.title(),
        row.status(),
        row.amountRequested(),
        row.submittedAt(),
        row.lastStep(),
        row.lastStepAt(),
        Math.max(0, Duration.between(row.lastStepAt(), now).toDays()),
        why[0],
        why[1]);
  }

  /** Where the demand waits, said the way the review would say it. */
  private static String[] why(StuckRow row) {
    return switch (row.status()) {
      case "SUBMITTED" -> new String[] {"waiting to be matched", "等待匹配"};
      case "NO_MATCH" -> noMatch(row.noMatch());
      case "PUSHED" ->
          row.unansweredMatches() > 0
              ? new String[] {
                "%d bank(s) have not answered%s"
                    .formatted(
                        row.unansweredMatches(),
                        row.supervisionColour() == null
                            ? ""
                            : "; supervision " + row.supervisionColour()),
                "%d家银行未回应%s"
                    .formatted(
                        row.unansweredMatches(),
                        row.supervisionColour() == null ? "" : "，督办等级" + row.supervisionColour())
              }
              : new String[] {"answered, no bank interested yet", "银行已回应，尚无意向"};
      case "IN_TALKS" ->
          new String[] {"a bank is interested; no credit approved yet", "银行有意向，尚未授信"};
      case "EXHAUSTED" ->
          new String[] {
            "every fitting bank declined or did not answer; waiting for a product that fits",
            "所有匹配银行均已拒绝或超时，等待新的适配产品"
          };
      case "APPROVED" -> new String[] {"credit approved; nothing disbursed yet", "已授信，尚未放款"};
      default -> new String[] {row.status(), row.status()};
    };
  }

  private static String[] noMatch(JsonNode noMatch) {
    List<String> rules = new ArrayList<>();
    if (noMatch != null && noMatch.has("failures")) {
      for (JsonNode failure : noMatch.get("failures")) {
        rules.add(failure.get("rule").asString() + " " + failure.get("failedProducts").asInt());
      }
    }
    String failed = rules.isEmpty() ? "" : ": " + String.join(", ", rules);
    return new String[] {"no product fitted" + failed, "无匹配产品" + failed.replace(": ", "：")};
  }
}
