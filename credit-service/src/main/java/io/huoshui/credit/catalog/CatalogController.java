package io.huoshui.credit.catalog;

import io.huoshui.credit.product.Product;
import io.huoshui.credit.product.Products;
import io.huoshui.credit.web.QueryParams;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/catalog}: the financial product catalog (金融产品目录) that the city office pushes to
 * its counties, for an operator's region or a county's own county, as JSON or as a CSV sheet.
 */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Products products;
  private final Clock clock;

  CatalogController(Products products, Clock clock) {
    this.products = products;
    this.clock = clock;
  }

  /**
   * @param region the division code; the caller's own region or county when absent
   * @param format {@code json} or {@code csv}; without it the Accept header decides
   */
  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_catalog:read')")
  Mono<ResponseEntity<Object>> catalog(
      Tenant tenant,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    String wanted = QueryParams.region("region", region == null ? tenant.id() : region);
    if (!tenant.covers(wanted)) {
      // Only the caller's own county or a region inside its own: anything else is not found.
      throw ApiProblem.notFound(
          "本客户端没有地区 " + wanted + " 的产品目录。",
          "There is no catalog of region " + wanted + " for this client.");
    }
    boolean csv = wantsCsv(format, accept);
    Instant generatedAt = clock.instant();
    return products
        .catalog(wanted)
        .collectList()
        .map(
            found ->
                csv
                    ? ResponseEntity.ok()
                        .contentType(CSV)
                        .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                .filename("catalog-" + wanted + ".csv")
                                .build()
                                .toString())
                        .body((Object) CatalogCsv.write(found))
                    : ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body((Object) new Catalog(wanted, generatedAt, found)));
  }

  private static boolean wantsCsv(String format, String accept) {
    if (format != null) {
      return switch (format) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ApiProblem.invalid("format", "必须是 json 或 csv", "must be json or csv");
      };
    }
    return accept != null
        && MediaType.parseMediaTypes(accept).stream()
            .anyMatch(type -> type.isCompatibleWith(CSV) && !type.isWildcardType());
  }

  /** The catalog of a region: every active product serving it or a part of it. */
  record Catalog(String region, Instant generatedAt, List<Product> products) {}
}
