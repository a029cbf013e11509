package io.huoshui.project.report;

import io.huoshui.project.domain.DivisionCodes;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.Language;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/quarterly}: JSON by default; {@code Accept: text/csv} for a
 * spreadsheet, {@code Accept: text/html} for a page to print for the meeting; their headings in
 * Chinese unless {@code Accept-Language} asks for English.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

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
    MediaType format = formatOf(exchange.getRequest().getHeaders().getAccept());
    return reports
        .of(tenant, which, inCounty)
        .map(
            report -> {
              if (format.equals(CSV)) {
                return ResponseEntity.ok()
                    .contentType(CSV)
                    .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                            .filename(fileName(report, "csv"))
                            .build()
                            .toString())
                    .body(ReportCsv.render(report, Language.of(locale)));
              }
              if (format.equals(HTML)) {
                return ResponseEntity.ok()
                    .contentType(HTML)
                    .body(ReportHtml.render(report, Language.of(locale)));
              }
              return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            });
  }

  /** The first of JSON, CSV or HTML that the client accepts, in its order of preference. */
  static MediaType formatOf(List<MediaType> accepted) {
    List<MediaType> byPreference =
        accepted.stream()
            .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
            .toList();
    for (MediaType wanted : byPreference) {
      if (wanted.isWildcardType() || MediaType.APPLICATION_JSON.isCompatibleWith(wanted)) {
        return MediaType.APPLICATION_JSON;
      }
      if (CSV.isCompatibleWith(wanted)) {
        return CSV;
      }
      if (HTML.isCompatibleWith(wanted)) {
        return HTML;
      }
    }
    return MediaType.APPLICATION_JSON;
  }

  private static String fileName(QuarterlyReport report, String extension) {
    String who = report.county() != null ? report.county() : report.tenantId();
    return "huoshui-%s-%s.%s".formatted(report.quarter(), who, extension);
  }
}
