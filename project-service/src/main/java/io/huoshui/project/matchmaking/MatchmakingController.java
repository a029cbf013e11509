package io.huoshui.project.matchmaking;

import io.huoshui.project.api.Printable;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.Language;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The matchmaking events (政银企对接会): operators create them and set their agendas ({@code
 * events:write}), invited banks sign intentions ({@code responses:write}), operators and counties
 * read them ({@code projects:read}) and their reconciliation ({@code reports:read}) as JSON, CSV or
 * a page to print ({@link Printable}). An event the tenant may not see answers 404, as a missing
 * one.
 */
@RestController
@RequestMapping(MatchmakingController.PATH)
class MatchmakingController {

  static final String PATH = "/api/v1/matchmaking/events";

  private final MatchmakingEvents events;
  private final IdempotentRequests idempotent;

  MatchmakingController(MatchmakingEvents events, IdempotentRequests idempotent) {
    this.events = events;
    this.idempotent = idempotent;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_events:write')")
  Mono<ResponseEntity<Object>> create(
      @Valid @RequestBody EventRequest request,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            events
                .create(tenant, UUID.randomUUID(), request, actor)
                .map(
                    event ->
                        ResponseEntity.created(URI.create(PATH + "/" + event.id()))
                            .body(EventView.of(event, null))));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<Page<EventView>> list(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      Tenant tenant) {
    PageRequest request = PageRequest.parse(page, size);
    return Mono.zip(events.list(tenant, request.offset(), request.size()), events.count(tenant))
        .map(
            found ->
                Page.of(
                    found.getT1().stream()
                        .map(listed -> EventView.of(listed.event(), listed.sums()))
                        .toList(),
                    request,
                    found.getT2()));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<EventView> get(@PathVariable UUID id, Tenant tenant) {
    return events
        .find(tenant, id)
        .map(event -> EventView.of(event, null))
        .switchIfEmpty(notFound(id));
  }

  /** Puts a demand of the event's region on its agenda; a demand on it already stays once. */
  @PostMapping("/{id}/agenda")
  @PreAuthorize("hasAuthority('SCOPE_events:write')")
  Mono<EventView> addToAgenda(
      @PathVariable UUID id, @Valid @RequestBody AgendaRequest request, Tenant tenant) {
    return events
        .addToAgenda(tenant, id, request.projectId())
        .map(event -> EventView.of(event, null))
        .switchIfEmpty(notFound(id));
  }

  @PostMapping("/{id}/intentions")
  @PreAuthorize("hasAuthority('SCOPE_responses:write')")
  Mono<ResponseEntity<Object>> sign(
      @PathVariable UUID id,
      @Valid @RequestBody IntentionRequest request,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            events
                .sign(tenant, id, request, actor)
                .map(intention -> ResponseEntity.status(HttpStatus.CREATED).body(intention))
                .switchIfEmpty(notFound(id)));
  }

  @GetMapping("/{id}/reconciliation")
  @PreAuthorize("hasAuthority('SCOPE_reports:read')")
  Mono<ResponseEntity<?>> reconciliation(
      @PathVariable UUID id, Tenant tenant, Locale locale, ServerWebExchange exchange) {
    Language language = Language.of(locale);
    return events
        .reconciliation(tenant, id)
        .<ResponseEntity<?>>map(
            reconciliation ->
                Printable.answer(
                    exchange,
                    reconciliation,
                    pack -> ReconciliationCsv.render(pack, language),
                    pack -> ReconciliationHtml.render(pack, language),
                    "huoshui-matchmaking-%s.csv".formatted(id)))
        .switchIfEmpty(notFound(id));
  }

  private static <T> Mono<T> notFound(UUID id) {
    return Mono.error(
        () ->
            ApiProblem.notFound(
                "没有对接会 %s。".formatted(id), "There is no matchmaking event %s here.".formatted(id)));
  }
}
