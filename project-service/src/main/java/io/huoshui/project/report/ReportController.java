package io.huoshui.project.report;

import io.huoshui.project.api.Printable;
import io.huoshui.project.domain.DivisionCodes;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.Language;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/quarterly}, in the format the client accepts ({@link Printable}); the
 * CSV's and the page's headings in Chinese unless {@code Accept-Language} asks for English.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  private final QuarterlyReports reports;
  private final Clock clock;

  ReportController(QuarterlyReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @GetMapping("/quarterly")
  @PreAuthorize("hasAuthority('SCOPE_reports:read')")
  Mono<ResponseEntity<?>> quarterly(
      @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String county,
      Tenant tenant,
      Locale locale,
      ServerWebExchange exchange) {
    String asked = QueryParameters.text("quarter", quarter);
    Quarter which =
        asked == null
            ? Quarter.of(LocalDate.ofInstant(clock.instant(), Quarter.CHINA))
            : Quarter.parse(asked);
    String inCounty = QueryParameters.text("county", county);
    if (inCounty != null && !DivisionCodes.isCounty(inCounty)) {
      return Mono.error(DivisionCodes.notACounty("county"));
    }
    Language language = Language.of(locale);
    return reports
        .of(tenant, which, inCounty)
        .map(
            report ->
                Printable.answer(
                    exchange,
                    report,
                    pack -> ReportCsv.render(pack, language),
                    pack -> ReportHtml.render(pack, language),
                    fileName(report, "csv")));
  }

  private static String fileName(QuarterlyReport report, String extension) {
    String who = report.county() != null ? report.county() : report.tenantId();
    return "huoshui-%s-%s.%s".formatted(report.quarter(), who, extension);
  }
}
