package io.huoshui.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.huoshui.notification.notice.Audience;
import io.huoshui.notification.notice.Language;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A tenant's webhook endpoints: every notification of the tenant is POSTed to each of them. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  record Registration(@NotBlank @Size(max = 2000) String url, String language) {}

  record EndpointView(UUID id, URI url, String language, Instant createdAt) {
    static EndpointView of(WebhookEndpoint endpoint) {
      return new EndpointView(
          endpoint.id(), endpoint.url(), endpoint.language().tag(), endpoint.createdAt());
    }
  }

  /** The answer to a registration: the only time the secret is shown. */
  record RegisteredView(UUID id, URI url, String language, Instant createdAt, String secret) {}

  private final Endpoints endpoints;
  private final IdempotentRequests idempotent;
  private final CircuitBreakerRegistry breakers;

  WebhookController(
      Endpoints endpoints, IdempotentRequests idempotent, CircuitBreakerRegistry webhookBreakers) {
    this.endpoints = endpoints;
    this.idempotent = idempotent;
    this.breakers = webhookBreakers;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<ResponseEntity<Object>> register(
      @Valid @RequestBody Registration registration, Tenant tenant, ServerWebExchange exchange) {
    URI url = receiverUrl(registration.url());
    Language language =
        registration.language() == null
            ? Language.ZH_CN
            : Language.ofTag(registration.language())
                .orElseThrow(() -> ApiProblem.invalid("language", "must be zh-CN or en"));
    Audience owner = Audience.of(tenant);
    return idempotent.create(
        exchange,
        tenant,
        registration,
        () ->
            endpoints
                .register(owner, url, language)
                .map(
                    registered ->
                        ResponseEntity.created(
                                URI.create("/api/v1/webhooks/" + registered.endpoint().id()))
                            .body(
                                new RegisteredView(
                                    registered.endpoint().id(),
                                    registered.endpoint().url(),
                                    registered.endpoint().language().tag(),
                                    registered.endpoint().createdAt(),
                                    registered.secret()))));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<List<EndpointView>> list(Tenant tenant) {
    return endpoints.list(Audience.of(tenant)).map(EndpointView::of).collectList();
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<ResponseEntity<Void>> remove(@PathVariable UUID id, Tenant tenant) {
    return endpoints
        .remove(Audience.of(tenant), id)
        .flatMap(
            removed ->
                removed
                    ? Mono.fromRunnable(() -> breakers.remove(id.toString()))
                        .thenReturn(ResponseEntity.noContent().<Void>build())
                    : Mono.error(ApiProblem.notFound("No webhook endpoint " + id + " of yours.")));
  }

  /** An absolute http(s) URL with a host, without credentials in it. */
  private static URI receiverUrl(String text) {
    URI url;
    try {
      url = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw ApiProblem.invalid("url", "must be an absolute http or https URL");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw ApiProblem.invalid("url", "must be an absolute http or https URL");
    }
    if (url.getUserInfo() != null) {
      throw ApiProblem.invalid("url", "must not carry credentials; deliveries are signed instead");
    }
    if (url.getFragment() != null) {
      throw ApiProblem.invalid("url", "must not have a fragment");
    }
    return url;
  }
}
