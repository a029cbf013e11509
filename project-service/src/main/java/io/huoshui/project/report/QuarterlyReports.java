package io.huoshui.project.report;

import io.huoshui.project.application.Divisions;
import io.huoshui.project.domain.PlaceNames;
import io.huoshui.project.matchmaking.MatchmakingEvents;
import io.huoshui.project.report.QuarterlyFigures.FunnelRow;
import io.huoshui.project.report.QuarterlyFigures.Scope;
import io.huoshui.project.report.QuarterlyFigures.StuckRow;
import io.huoshui.project.report.QuarterlyFigures.SupervisionRow;
import io.huoshui.project.report.ReportStore.Grouping;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Assembles the quarterly pack for a tenant: operators their region, counties their own. */
@Service
class QuarterlyReports {

  static final int STUCK_LISTED = 10;

  private final ReportStore figures;
  private final Divisions divisions;
  private final MatchmakingEvents events;
  private final Clock clock;

  QuarterlyReports(
      ReportStore figures, Divisions divisions, MatchmakingEvents events, Clock clock) {
    this.figures = figures;
    this.divisions = divisions;
    this.events = events;
    this.clock = clock;
  }

  Mono<QuarterlyReport> of(Tenant tenant, Quarter quarter, String county) {
    if (county != null && !tenant.covers(county)) {
      // A county outside the tenant's reach is answered as one that does not exist.
      return Mono.error(
          ApiProblem.notFound(
              "您的范围内没有县区 %s。".formatted(county),
              "There is no county %s in your scope.".formatted(county)));
    }
    Scope scope = new Scope(tenant, county, quarter.start(), quarter.end());
    Instant now = clock.instant();
    return Mono.zip(
            figures.funnelBy(scope, Grouping.COUNTY).collectList(),
            figures.funnelBy(scope, Grouping.INDUSTRY).collectList(),
            figures.supervision(scope).collectList(),
            figures.banks(scope).collectList(),
            figures.stuck(scope, STUCK_LISTED).collectList(),
            events.heldWithin(tenant, quarter.firstDay(), quarter.endDay(), county).collectList(),
            Mono.zip(
                figures.instrumentUses(scope).collectList(),
                figures.instrumentKinds(scope).collectList()))
        .flatMap(
            parts -> {
              List<String> places = new ArrayList<>(List.of(tenant.id()));
              if (county != null) {
                places.add(county);
              }
              parts.getT1().forEach(row -> places.add(row.group()));
              parts.getT5().forEach(row -> places.add(row.county()));
              places.addAll(InstrumentUse.places(parts.getT7().getT1()));
              return divisions
                  .names(places)
                  .map(
                      names -> {
                        List<FunnelRow> byCounty =
                            parts.getT1().stream().map(row -> row.named(names)).toList();
                        return new QuarterlyReport(
                            quarter.toString(),
                            quarter.firstDay(),
                            quarter.endDay().minusDays(1),
                            tenant.type().name(),
                            tenant.id(),
                            tenant.isBank() ? null : names.nameOf(tenant.id()),
                            county,
                            names.nameOf(county),
                            now,
                            new QuarterlyReport.Funnel(
                                QuarterlyReport.Funnel.total(byCounty), byCounty, parts.getT2()),
                            supervision(parts.getT3()),
                            closures(parts.getT3()),
                            parts.getT4().stream().map(QuarterlyReport.Bank::of).toList(),
                            parts.getT5().stream().map(row -> stuck(row, names, now)).toList(),
                            parts.getT6(),
                            InstrumentUse.of(parts.getT7().getT1(), parts.getT7().getT2(), names));
                      });
            });
  }

  /** The order in which the pack lists the ways a notice was closed. */
  private static final List<String> CLOSINGS =
      List.of(
          "BANK_ANSWERED", "MATCH_RELEASED", "BANK_ANSWERED_OFFLINE", "SETTLED", "NOT_APPLICABLE");

  private static List<QuarterlyReport.Supervision> supervision(List<SupervisionRow> rows) {
    Map<String, long[]> byColour = new LinkedHashMap<>();
    for (SupervisionRow row : rows) {
      long[] counts = byColour.computeIfAbsent(row.colour(), colour -> new long[2]);
      counts[0] += row.notices();
      if (row.closedBy() != null) {
        counts[1] += row.notices();
      }
    }
    return byColour.entrySet().stream()
        .map(
            colour -> {
              long issued = colour.getValue()[0];
              long closed = colour.getValue()[1];
              return new QuarterlyReport.Supervision(
                  colour.getKey(), issued, closed, issued - closed);
            })
        .toList();
  }

  private static List<QuarterlyReport.Closure> closures(List<SupervisionRow> rows) {
    Map<String, Long> byReason =
        new TreeMap<>(
            Comparator.comparingInt(QuarterlyReports::rank)
                .thenComparing(Comparator.naturalOrder()));
    for (SupervisionRow row : rows) {
      if (row.closedBy() != null) {
        byReason.merge(row.closedBy(), row.notices(), Long::sum);
      }
    }
    return byReason.entrySet().stream()
        .map(reason -> new QuarterlyReport.Closure(reason.getKey(), reason.getValue()))
        .toList();
  }

  /** A reason the pack does not know yet comes after those it does, by name. */
  private static int rank(String reason) {
    int known = CLOSINGS.indexOf(reason);
    return known >= 0 ? known : CLOSINGS.size();
  }

  private static QuarterlyReport.Stuck stuck(StuckRow row, PlaceNames names, Instant now) {
    String[] why = why(row);
    return new QuarterlyReport.Stuck(
        row.projectId(),
        row.county(),
        names.nameOf(row.county()),
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
