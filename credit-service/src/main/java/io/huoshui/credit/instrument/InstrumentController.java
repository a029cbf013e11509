package io.huoshui.credit.instrument;

import io.huoshui.credit.web.IfMatch;
import io.huoshui.credit.web.QueryParams;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.EnterpriseSize;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.InstrumentKind;
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/instruments}: a financial office manages the policy instruments of its region,
 * each change against the version it read ({@code If-Match}); a county reads those that serve it,
 * banks and offices every one.
 */
@RestController
@RequestMapping("/api/v1/instruments")
class InstrumentController {

  private static final String READERS =
      "hasAnyAuthority('SCOPE_products:read', 'SCOPE_catalog:read')";
  private static final String WRITERS = "hasAuthority('SCOPE_instruments:write')";

  private static final BigDecimal LEAST_AMOUNT = new BigDecimal("0.01");
  private static final BigDecimal GREATEST_AMOUNT = new BigDecimal("9999999999999.99");

  private final Instruments instruments;
  private final IdempotentRequests idempotent;

  InstrumentController(Instruments instruments, IdempotentRequests idempotent) {
    this.instruments = instruments;
    this.idempotent = idempotent;
  }

  @PostMapping
  @PreAuthorize(WRITERS)
  Mono<ResponseEntity<Object>> publish(
      @Valid @RequestBody InstrumentRequest request,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    String region = regionOf(tenant);
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            instruments
                .publish(region, request, actor)
                .map(
                    instrument ->
                        ResponseEntity.created(
                                URI.create("/api/v1/instruments/" + instrument.instrumentId()))
                            .eTag(IfMatch.tagOf(instrument.version()))
                            .body(instrument)));
  }

  @PutMapping("/{id}")
  @PreAuthorize(WRITERS)
  Mono<ResponseEntity<Instrument>> update(
      @PathVariable UUID id,
      @Valid @RequestBody InstrumentRequest request,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    return instruments
        .update(regionOf(tenant), id, ifMatch(exchange), request, actor)
        .map(InstrumentController::tagged);
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize(WRITERS)
  Mono<ResponseEntity<Instrument>> retire(
      @PathVariable UUID id, Tenant tenant, Actor actor, ServerWebExchange exchange) {
    return instruments
        .retire(regionOf(tenant), id, ifMatch(exchange), actor)
        .map(InstrumentController::tagged);
  }

  /** One instrument; to a county only one that serves it, as its list shows. */
  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  Mono<ResponseEntity<Instrument>> one(@PathVariable UUID id, Tenant tenant) {
    return instruments
        .find(id)
        .filter(instrument -> !tenant.isCounty() || instrument.serves(tenant.id()))
        .switchIfEmpty(Mono.error(() -> Instruments.notFound(id)))
        .map(InstrumentController::tagged);
  }

  /**
   * The instruments a client may draw on: a county's those whose regions contain it, a bank's and
   * an office's every one; active ones unless {@code status} asks for the retired.
   */
  @GetMapping
  @PreAuthorize(READERS)
  Mono<Page<Instrument>> search(
      Tenant tenant,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) String enterpriseSize,
      @RequestParam(required = false) String purpose,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String validOn,
      @RequestParam(required = false, defaultValue = "ACTIVE") String status,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    InstrumentQuery query =
        new InstrumentQuery(
            QueryParams.region("region", region),
            tenant.isCounty() ? tenant.id() : null,
            QueryParams.region("issuer", issuer),
            QueryParameters.oneOf("kind", kind, InstrumentKind.class),
            QueryParameters.oneOf("industry", industry, Industry.class),
            QueryParameters.oneOf("enterpriseSize", enterpriseSize, EnterpriseSize.class),
            QueryParameters.oneOf("purpose", purpose, Purpose.class),
            QueryParameters.oneOf("tag", tag, Tag.class),
            QueryParameters.amount("amount", amount, LEAST_AMOUNT, GREATEST_AMOUNT),
            QueryParameters.date("validOn", validOn),
            QueryParameters.oneOf("status", status, InstrumentStatus.class));
    return instruments.search(query, PageRequest.parse(page, size));
  }

  /** The region of the acting financial office; 403 for a county or a bank. */
  private static String regionOf(Tenant tenant) {
    if (!tenant.isOperator()) {
      throw ApiProblem.forbidden("只有金融办可以管理政策工具。", "Only a financial office manages instruments.");
    }
    return tenant.id();
  }

  private static ResponseEntity<Instrument> tagged(Instrument instrument) {
    return ResponseEntity.ok().eTag(IfMatch.tagOf(instrument.version())).body(instrument);
  }

  private static IfMatch ifMatch(ServerWebExchange exchange) {
    return IfMatch.of(exchange.getRequest().getHeaders().get(HttpHeaders.IF_MATCH));
  }
}
