package io.huoshui.credit.instrument;

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
import io.huoshui.vocabulary.Purpose;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
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

  /** A version as this API tags it: its number, quoted as a strong entity tag. */
  private static final Pattern VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,8})\"");

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
                            .eTag(tagOf(instrument))
                            .body(instrument)));
  }

  @PutMapping("/{id}")
  @PreAuthorize(WRITERS)
  Mono<ResponseEntity<Instrument>> update(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) List<String> ifMatch,
      @Valid @RequestBody InstrumentRequest request,
      Tenant tenant,
      Actor actor) {
    return instruments
        .update(regionOf(tenant), id, versionOf(ifMatch), request, actor)
        .map(InstrumentController::tagged);
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize(WRITERS)
  Mono<ResponseEntity<Instrument>> retire(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) List<String> ifMatch,
      Tenant tenant,
      Actor actor) {
    return instruments
        .retire(regionOf(tenant), id, versionOf(ifMatch), actor)
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

  /**
   * The version a change is made against: required, so that two offices (or two tabs) never
   * overwrite each other's change unseen; one strong tag, not {@code *}, which would match any.
   */
  private static int versionOf(List<String> ifMatch) {
    if (ifMatch == null || ifMatch.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.PRECONDITION_REQUIRED,
          "修改须带 If-Match，值为读取时的 ETag。A change needs If-Match with the ETag of the version read.");
    }
    Matcher tag = ifMatch.size() == 1 ? VERSION_TAG.matcher(ifMatch.get(0).strip()) : null;
    if (tag == null || !tag.matches()) {
      throw ApiProblem.invalid(
          HttpHeaders.IF_MATCH,
          "须为读取时的一个 ETag，如 \"3\"",
          "must be the one ETag of the version read, e.g. \"3\"");
    }
    return Integer.parseInt(tag.group(1));
  }

  private static String tagOf(Instrument instrument) {
    return "\"" + instrument.version() + "\"";
  }

  private static ResponseEntity<Instrument> tagged(Instrument instrument) {
    return ResponseEntity.ok().eTag(tagOf(instrument)).body(instrument);
  }
}
