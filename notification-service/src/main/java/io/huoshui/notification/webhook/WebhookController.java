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
import java.time.Instant;
import java.util.List;
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
import tools.jackson.databind.node.ObjectNode;

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

  /** The answer to a registration: the only time the secret is shown (sealed until it is sent). */
  record RegisteredView(UUID id, URI url, String language, Instant createdAt, String secret) {}

  private final Endpoints endpoints;
  private final IdempotentRequests idempotent;
  private final CircuitBreakerRegistry breakers;
  private final Receivers receivers;

  WebhookController(
      Endpoints endpoints,
      IdempotentRequests idempotent,
      CircuitBreakerRegistry webhookBreakers,
      Receivers receivers) {
    this.receivers = receivers;
    this.endpoints = endpoints;
    this.idempotent = idempotent;
    this.breakers = webhookBreakers;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_notifications:read')")
  Mono<ResponseEntity<Object>> register(
      @Valid @RequestBody Registration registration, Tenant tenant, ServerWebExchange exchange) {
    Language language =
        registration.language() == null
            ? Language.ZH_CN
            : Language.ofTag(registration.language())
                .orElseThrow(
                    () -> ApiProblem.invalid("language", "必须是 zh-CN 或 en", "must be zh-CN or en"));
    Audience owner = Audience.of(tenant);
    return receivers
        .admit(registration.url())
        .flatMap(url -> register(owner, url, language, registration, tenant, exchange));
  }

  private Mono<ResponseEntity<Object>> register(
      Audience owner,
      URI url,
      Language language,
      Registration registration,
      Tenant tenant,
      ServerWebExchange exchange) {
    return idempotent
        .create(
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
                                        registered.sealedSecret()))))
        .map(this::revealed);
  }

  /**
   * The answer as the client reads it: the secret, kept sealed in the answer that is remembered for
   * a retry, opened for the bytes sent. A retry's answer comes back as the JSON it was stored as.
   */
  private ResponseEntity<Object> revealed(ResponseEntity<Object> answer) {
    Object body = answer.getBody();
    Object shown = body;
    if (body instanceof RegisteredView view) {
      shown =
          new RegisteredView(
              view.id(),
              view.url(),
              view.language(),
              view.createdAt(),
              endpoints.reveal(view.id(), view.secret()));
    } else if (body instanceof ObjectNode stored && stored.has("secret")) {
      shown =
          stored
              .deepCopy()
              .put(
                  "secret",
                  endpoints.reveal(
                      UUID.fromString(stored.get("id").asString()),
                      stored.get("secret").asString()));
    }
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(shown);
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
                    : Mono.error(
                        ApiProblem.notFound(
                            "没有你的 webhook 端点 " + id + "。",
                            "No webhook endpoint " + id + " of yours.")));
  }
}
