package io.huoshui.project.api;

import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.ProjectFilter;
import io.huoshui.project.domain.ProjectStateException;
import io.huoshui.project.domain.ProjectStatus;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.Prose;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The demand API. Counties submit, change and withdraw their own demands; operators read those of
 * their region; banks have no access (they see anonymised matches only). Which demands a tenant
 * sees is decided where the queries are built, so another tenant's demand answers 404 everywhere.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

  /** Counties and the city offices work in China Standard Time: a date filter means their day. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final Pattern DIVISION_CODE = Pattern.compile("[0-9]{6}");

  private final ProjectService projects;
  private final IdempotentRequests idempotent;

  ProjectController(ProjectService projects, IdempotentRequests idempotent) {
    this.projects = projects;
    this.idempotent = idempotent;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ResponseEntity<Object>> submit(
      @Valid @RequestBody Demand demand, Tenant tenant, ServerWebExchange exchange) {
    if (!tenant.isCounty()) {
      return Mono.error(ApiProblem.forbidden("Only a county submits demand."));
    }
    return idempotent.create(
        exchange,
        tenant,
        demand,
        () ->
            projects
                .submit(UUID.randomUUID(), tenant.id(), demand)
                .map(
                    project ->
                        ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
                            .body(ProjectView.of(project))));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<ProjectView> get(@PathVariable UUID id, Tenant tenant) {
    return projects.find(tenant, id).map(ProjectView::of).switchIfEmpty(notFound(id));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<Page<ProjectView>> list(
      @RequestParam(required = false) ProjectStatus status,
      @RequestParam(required = false) Industry industry,
      @RequestParam(required = false) Tag tag,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate submittedFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate submittedTo,
      @RequestParam(required = false) String county,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Tenant tenant) {
    PageRequest request = PageRequest.of(page, size);
    if (submittedFrom != null && submittedTo != null && submittedTo.isBefore(submittedFrom)) {
      return Mono.error(ApiProblem.invalid("submittedTo", "must not be before submittedFrom"));
    }
    if (county != null && !DIVISION_CODE.matcher(county).matches()) {
      return Mono.error(
          ApiProblem.invalid("county", "must be a county's 6-digit division code, such as 140428"));
    }
    ProjectFilter filter =
        new ProjectFilter(
            status,
            industry,
            tag,
            submittedFrom == null ? null : submittedFrom.atStartOfDay(CHINA).toInstant(),
            submittedTo == null ? null : submittedTo.plusDays(1).atStartOfDay(CHINA).toInstant(),
            county);
    return Mono.zip(
            projects
                .list(tenant, filter, request.offset(), request.size())
                .map(ProjectView::of)
                .collectList(),
            projects.count(tenant, filter))
        .map(found -> Page.of(found.getT1(), request, found.getT2()));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ProjectView> revise(
      @PathVariable UUID id, @Valid @RequestBody Demand demand, Tenant tenant) {
    return projects
        .revise(tenant, id, demand)
        .map(ProjectView::of)
        .switchIfEmpty(notFound(id))
        .onErrorMap(ProjectStateException.class, ProjectController::conflict);
  }

  /** Why the county withdraws the demand; banks and the city office read it. */
  record Withdrawal(@Prose @NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ProjectView> withdraw(
      @PathVariable UUID id, @Valid @RequestBody Withdrawal withdrawal, Tenant tenant) {
    return projects
        .withdraw(tenant, id, withdrawal.reason())
        .map(ProjectView::of)
        .switchIfEmpty(notFound(id))
        .onErrorMap(ProjectStateException.class, ProjectController::conflict);
  }

  @GetMapping("/{id}/timeline")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<List<TimelineView>> timeline(@PathVariable UUID id, Tenant tenant) {
    return projects
        .timeline(tenant, id)
        .map(steps -> steps.stream().map(TimelineView::of).toList())
        .switchIfEmpty(notFound(id));
  }

  private static <T> Mono<T> notFound(UUID id) {
    return Mono.error(() -> ApiProblem.notFound("There is no demand %s here.".formatted(id)));
  }

  private static ApiProblem conflict(Throwable error) {
    ProjectStateException state = (ProjectStateException) error;
    return ApiProblem.conflict(state.code(), state.getMessage());
  }
}
