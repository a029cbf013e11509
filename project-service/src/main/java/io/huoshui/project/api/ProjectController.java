package io.huoshui.project.api;

import io.huoshui.project.application.Divisions;
import io.huoshui.project.application.ProjectService;
import io.huoshui.project.domain.ClosureReason;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.DivisionCodes;
import io.huoshui.project.domain.Project;
import io.huoshui.project.domain.ProjectFilter;
import io.huoshui.project.domain.ProjectStateException;
import io.huoshui.project.domain.ProjectStatus;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.Prose;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.Language;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

  /** Up to nine digits, so that any such number fits an int. */
  private final ProjectService projects;

  private final IdempotentRequests idempotent;
  private final Divisions divisions;

  ProjectController(ProjectService projects, IdempotentRequests idempotent, Divisions divisions) {
    this.projects = projects;
    this.idempotent = idempotent;
    this.divisions = divisions;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ResponseEntity<Object>> submit(
      @Valid @RequestBody Demand demand, Tenant tenant, Actor actor, ServerWebExchange exchange) {
    if (!tenant.isCounty()) {
      return Mono.error(ApiProblem.forbidden("只有县区可以提交融资需求。", "Only a county submits demand."));
    }
    return idempotent.create(
        exchange,
        tenant,
        demand,
        () ->
            projects
                .submit(UUID.randomUUID(), tenant.id(), demand, actor)
                .flatMap(
                    project ->
                        view(project)
                            .map(
                                view ->
                                    ResponseEntity.created(
                                            URI.create("/api/v1/projects/" + project.id()))
                                        .body(view))));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<ProjectView> get(@PathVariable UUID id, Tenant tenant) {
    return projects.find(tenant, id).flatMap(this::view).switchIfEmpty(notFound(id));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<Page<ProjectView>> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String submittedFrom,
      @RequestParam(required = false) String submittedTo,
      @RequestParam(required = false) String county,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      Tenant tenant) {
    PageRequest request = PageRequest.parse(page, size);
    LocalDate from = QueryParameters.date("submittedFrom", submittedFrom);
    LocalDate to = QueryParameters.date("submittedTo", submittedTo);
    if (from != null && to != null && to.isBefore(from)) {
      return Mono.error(
          ApiProblem.invalid(
              "submittedTo", "不能早于 submittedFrom", "must not be before submittedFrom"));
    }
    String inCounty = QueryParameters.text("county", county);
    if (inCounty != null && !DivisionCodes.isCounty(inCounty)) {
      return Mono.error(DivisionCodes.notACounty("county"));
    }
    ProjectFilter filter =
        new ProjectFilter(
            QueryParameters.oneOf("status", status, ProjectStatus.class),
            QueryParameters.oneOf("industry", industry, Industry.class),
            QueryParameters.oneOf("tag", tag, Tag.class),
            from == null ? null : from.atStartOfDay(CHINA).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant(),
            inCounty);
    return Mono.zip(
            projects.list(tenant, filter, request.offset(), request.size()).collectList(),
            projects.count(tenant, filter))
        .flatMap(
            found ->
                divisions
                    .names(found.getT1().stream().map(Project::county).toList())
                    .map(
                        places ->
                            Page.of(
                                found.getT1().stream()
                                    .map(project -> ProjectView.of(project, places))
                                    .toList(),
                                request,
                                found.getT2())));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ProjectView> revise(
      @PathVariable UUID id, @Valid @RequestBody Demand demand, Tenant tenant, Actor actor) {
    return projects
        .revise(tenant, id, demand, actor)
        .flatMap(this::view)
        .switchIfEmpty(notFound(id))
        .onErrorMap(ProjectStateException.class, ProjectController::conflict);
  }

  /** Why the county withdraws the demand; banks and the city office read it. */
  record Withdrawal(@Prose @NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ProjectView> withdraw(
      @PathVariable UUID id,
      @Valid @RequestBody Withdrawal withdrawal,
      Tenant tenant,
      Actor actor) {
    return projects
        .withdraw(tenant, id, withdrawal.reason(), actor)
        .flatMap(this::view)
        .switchIfEmpty(notFound(id))
        .onErrorMap(ProjectStateException.class, ProjectController::conflict);
  }

  /** Why the county closes the demand, with an optional note for the banks and the city office. */
  record Closure(@NotNull ClosureReason reason, @Prose @Size(min = 1, max = 500) String note) {}

  /**
   * The county closes its own demand (an operator's token gets 404: it is not the county's to
   * close); 409 once it is withdrawn or closed.
   */
  @PostMapping("/{id}/closure")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ProjectView> close(
      @PathVariable UUID id, @Valid @RequestBody Closure closure, Tenant tenant, Actor actor) {
    if (!tenant.isCounty()) {
      return notFound(id);
    }
    return projects
        .close(tenant, id, closure.reason(), closure.note(), actor)
        .flatMap(this::view)
        .switchIfEmpty(notFound(id))
        .onErrorMap(ProjectStateException.class, ProjectController::conflict);
  }

  /** The steps, their summaries in Chinese unless the request asks for English. */
  @GetMapping("/{id}/timeline")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<List<TimelineView>> timeline(@PathVariable UUID id, Tenant tenant, Locale locale) {
    return projects
        .timeline(tenant, id)
        .flatMap(
            found -> {
              String county = found.project().county();
              return divisions
                  .names(TimelineView.placesOf(county, found.steps()))
                  .map(
                      places ->
                          TimelineView.of(found.steps(), county, Language.of(locale), places));
            })
        .switchIfEmpty(notFound(id));
  }

  /**
   * Who took each step, for the financial office that supervises the demand: a county reads the
   * same on its timeline, a bank has no access.
   */
  @GetMapping("/{id}/audit")
  @PreAuthorize("hasAuthority('SCOPE_projects:read')")
  Mono<List<AuditView>> audit(@PathVariable UUID id, Tenant tenant) {
    if (!tenant.isOperator()) {
      return Mono.error(
          ApiProblem.forbidden("只有金融办可以查看审计记录。", "Only a financial office reads the audit trail."));
    }
    return projects
        .timeline(tenant, id)
        .map(found -> found.steps().stream().map(AuditView::of).toList())
        .switchIfEmpty(notFound(id));
  }

  private Mono<ProjectView> view(Project project) {
    return divisions
        .names(List.of(project.county()))
        .map(places -> ProjectView.of(project, places));
  }

  private static <T> Mono<T> notFound(UUID id) {
    return Mono.error(
        () ->
            ApiProblem.notFound(
                "没有需求 %s。".formatted(id), "There is no demand %s here.".formatted(id)));
  }

  private static ApiProblem conflict(Throwable error) {
    ProjectStateException state = (ProjectStateException) error;
    return ApiProblem.conflict(state.code(), state.chinese(), state.getMessage());
  }
}
