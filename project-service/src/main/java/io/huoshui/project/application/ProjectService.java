package io.huoshui.project.application;

import io.huoshui.eventing.Outbox;
import io.huoshui.eventing.PoisonEventException;
import io.huoshui.project.domain.ClosureReason;
import io.huoshui.project.domain.Demand;
import io.huoshui.project.domain.Funnel;
import io.huoshui.project.domain.NoMatch;
import io.huoshui.project.domain.Project;
import io.huoshui.project.domain.ProjectFilter;
import io.huoshui.project.domain.ProjectStatus;
import io.huoshui.project.domain.Step;
import io.huoshui.project.domain.TimelineEntry;
import io.huoshui.project.persistence.InstrumentUseStore;
import io.huoshui.project.persistence.MatchStore;
import io.huoshui.project.persistence.ProjectStore;
import io.huoshui.project.persistence.TimelineStore;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Everything that happens to a demand. A county's change is stored with its timeline step and the
 * event announcing it in one transaction; what the network reports (matches, bank answers) moves
 * status, funnel and timeline inside the consumer's transaction.
 */
@Service
public class ProjectService {

  /** How the timeline names this service as the one that took a step. */
  private static final String SERVICE = "project-service";

  private final ProjectStore projects;
  private final MatchStore matches;
  private final TimelineStore timeline;
  private final InstrumentUseStore instrumentUses;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final DemandMetrics metrics;
  private final Clock clock;

  ProjectService(
      ProjectStore projects,
      MatchStore matches,
      TimelineStore timeline,
      InstrumentUseStore instrumentUses,
      Outbox outbox,
      TransactionalOperator transaction,
      DemandMetrics metrics,
      Clock clock) {
    this.projects = projects;
    this.matches = matches;
    this.timeline = timeline;
    this.instrumentUses = instrumentUses;
    this.outbox = outbox;
    this.transaction = transaction;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Submits a demand for the county under this id. Empty when a demand with the id exists already:
   * nothing is written then, neither a second demand nor a second event. The demand is valid: its
   * callers validate it (the API as it reads the request).
   */
  public Mono<Project> submit(UUID id, String county, Demand demand, Actor actor) {
    return Mono.fromSupplier(() -> Project.submitted(id, county, demand, clock.instant()))
        .flatMap(
            project ->
                projects
                    .insert(
                        project,
                        entry(
                            Step.SUBMITTED,
                            project.submittedAt(),
                            demand.amountRequested(),
                            Map.of(),
                            actor))
                    .filter(Boolean::booleanValue)
                    .flatMap(inserted -> announce(EventTypes.PROJECT_SUBMITTED, project, actor)))
        .as(transaction::transactional)
        .doOnNext(metrics::submitted);
  }

  /**
   * The county's change of its demand, valid as the API read it; it restarts matching on the new
   * version.
   */
  public Mono<Project> revise(Tenant tenant, UUID id, Demand demand, Actor actor) {
    return projects
        .lockVisible(tenant, id)
        .map(project -> project.revise(demand, clock.instant()))
        .flatMap(
            revised ->
                projects
                    .update(
                        revised,
                        entry(
                            Step.UPDATED,
                            revised.changedAt(),
                            demand.amountRequested(),
                            Map.of("version", revised.version()),
                            actor))
                    .then(announce(EventTypes.PROJECT_UPDATED, revised, actor)))
        .as(transaction::transactional);
  }

  public Mono<Project> withdraw(Tenant tenant, UUID id, String reason, Actor actor) {
    return projects
        .lockVisible(tenant, id)
        .map(project -> project.withdraw(reason, clock.instant()))
        .flatMap(
            withdrawn ->
                projects
                    .update(
                        withdrawn,
                        entry(
                            Step.WITHDRAWN,
                            withdrawn.withdrawal().at(),
                            null,
                            Map.of("reason", reason),
                            actor))
                    .then(
                        append(
                            EventTypes.PROJECT_WITHDRAWN,
                            withdrawn,
                            ProjectEvents.WithdrawnPayload.of(withdrawn, actor))))
        .as(transaction::transactional)
        .doOnNext(metrics::withdrawn);
  }

  /**
   * The county closes its demand; matching ends every live match when it reads the event. The note,
   * when given, is kept on the step beside the reason.
   */
  public Mono<Project> close(
      Tenant tenant, UUID id, ClosureReason reason, String note, Actor actor) {
    return projects
        .lockVisible(tenant, id)
        .map(project -> project.close(reason, note, clock.instant()))
        .flatMap(
            closed -> {
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("reason", reason.name());
              putIfPresent(details, "note", note);
              return projects
                  .update(closed, entry(Step.CLOSED, closed.closure().at(), null, details, actor))
                  .then(
                      append(
                          EventTypes.PROJECT_CLOSED,
                          closed,
                          ProjectEvents.ClosedPayload.of(closed, actor)));
            })
        .as(transaction::transactional)
        .doOnNext(metrics::closed);
  }

  /** The demand if the tenant may see it; empty otherwise, whether it exists or not. */
  public Mono<Project> find(Tenant tenant, UUID id) {
    return projects.findVisible(tenant, id);
  }

  public Flux<Project> list(Tenant tenant, ProjectFilter filter, long offset, int limit) {
    return projects.list(tenant, filter, offset, limit);
  }

  public Mono<Long> count(Tenant tenant, ProjectFilter filter) {
    return projects.count(tenant, filter);
  }

  /** A demand with its steps in order. */
  public record Timeline(Project project, List<TimelineEntry> steps) {}

  /** The demand's steps in order; empty when the tenant may not see the demand. */
  public Mono<Timeline> timeline(Tenant tenant, UUID id) {
    return projects
        .findVisible(tenant, id)
        .flatMap(found -> timeline.of(id).collectList().map(steps -> new Timeline(found, steps)));
  }

  /**
   * Matching pushed the demand to a bank's product. An exhausted demand is re-opened by it, a step
   * of its own before the push, so that the county sees why matching is at work again.
   */
  public Mono<Void> pushed(
      UUID projectId,
      UUID matchId,
      String bankCode,
      UUID productId,
      String productName,
      Map<String, Object> details,
      Instant proposedAt,
      String service) {
    Map<String, Object> all = new LinkedHashMap<>(details);
    all.put("matchId", matchId.toString());
    TimelineEntry step =
        new TimelineEntry(
            Step.PUSHED, proposedAt, bankCode, productId, productName, null, all, null, service);
    return projects
        .lock(
            projectId,
            matches.proposed(matchId, bankCode, productId, productName, proposedAt),
            (project, written) -> project)
        .switchIfEmpty(Mono.error(() -> unknown(projectId)))
        .flatMap(
            project ->
                project.status() == ProjectStatus.EXHAUSTED
                    ? timeline
                        .append(
                            projectId,
                            new TimelineEntry(
                                Step.REOPENED,
                                proposedAt,
                                bankCode,
                                productId,
                                productName,
                                null,
                                Map.of("matchId", matchId.toString()),
                                null,
                                service))
                        .then(write(project, project.pushed(), step))
                    : write(project, project.pushed(), step))
        .as(transaction::transactional);
  }

  /**
   * Matching found no fitting bank left for the demand; {@code tried} lists every match it had with
   * how it ended, as the event carries them.
   */
  public Mono<Void> exhausted(
      UUID projectId, List<Map<String, Object>> tried, Instant exhaustedAt, String service) {
    return progress(
        projectId,
        projects.lock(projectId),
        Project::exhausted,
        new TimelineEntry(
            Step.EXHAUSTED,
            exhaustedAt,
            null,
            null,
            null,
            null,
            Map.of("tried", tried),
            null,
            service));
  }

  /** Matching found no product for the demand. */
  public Mono<Void> unmatched(UUID projectId, NoMatch why, Instant decidedAt, String service) {
    return progress(
        projectId,
        projects.lock(projectId),
        project -> project.unmatched(why),
        new TimelineEntry(
            Step.NO_MATCH,
            decidedAt,
            null,
            null,
            null,
            null,
            Map.of("evaluatedProducts", why.evaluatedProducts(), "failures", why.failures()),
            null,
            service));
  }

  /**
   * Supervision raised a notice because a bank has not done in time what it owes at the stage;
   * {@code details} carry the match, colour, stage, deadline and the level escalated to.
   */
  public Mono<Void> supervised(
      UUID projectId,
      String bankCode,
      UUID productId,
      Map<String, Object> details,
      Instant escalatedAt,
      String service) {
    return recorded(
        projectId,
        new TimelineEntry(
            Step.SUPERVISION_NOTICE,
            escalatedAt,
            bankCode,
            productId,
            null,
            null,
            details,
            null,
            service));
  }

  /**
   * A financial office acted on the demand under supervision: the step names the office's client.
   * The demand itself moves by the events the action leads to (a push's MatchProposed).
   */
  public Mono<Void> supervisionActed(
      UUID projectId,
      String bankCode,
      UUID productId,
      Map<String, Object> details,
      Instant actedAt,
      Actor actor,
      String service) {
    return recorded(
        projectId,
        new TimelineEntry(
            Step.SUPERVISION_ACTED,
            actedAt,
            bankCode,
            productId,
            null,
            null,
            details,
            actor,
            service));
  }

  /** A match ended without financing (declined, escalated to red, withdrawn, superseded). */
  public Mono<Void> released(
      UUID projectId,
      UUID matchId,
      String bankCode,
      UUID productId,
      String cause,
      Instant releasedAt,
      String service) {
    return progress(
        projectId,
        projects.lock(
            projectId,
            matches.released(matchId, bankCode, productId, cause, releasedAt),
            (project, written) -> project),
        UnaryOperator.identity(),
        new TimelineEntry(
            Step.MATCH_RELEASED,
            releasedAt,
            bankCode,
            productId,
            null,
            null,
            Map.of("matchId", matchId.toString(), "cause", cause),
            null,
            service));
  }

  /**
   * A bank answered: the match's totals are updated, then the demand's funnel and status; an
   * approval's draws on policy instruments are kept for the quarterly pack.
   */
  public Mono<Void> answered(BankAnswer answer) {
    UUID projectId = answer.projectId();
    return projects
        .lock(
            projectId,
            matches.answered(
                answer.matchId(),
                answer.bankCode(),
                answer.productId(),
                answer.totals(),
                answer.respondedAt()),
            (project, sum) ->
                new Change(
                    project,
                    project.financed(
                        new Funnel(
                            project.demand().amountRequested(),
                            sum.intended(),
                            sum.approved(),
                            sum.disbursed()),
                        answer.kind() == BankAnswer.Kind.INTEREST)))
        .switchIfEmpty(Mono.error(() -> unknown(projectId)))
        .flatMap(change -> write(change.before(), change.after(), answerEntry(answer)))
        .then(Mono.defer(() -> instrumentsUsed(answer)))
        .as(transaction::transactional);
  }

  private Mono<Void> instrumentsUsed(BankAnswer answer) {
    return answer.kind() == BankAnswer.Kind.APPROVAL && answer.amount() != null
        ? instrumentUses.approved(
            answer.projectId(),
            answer.matchId(),
            answer.bankCode(),
            answer.amount(),
            answer.respondedAt(),
            answer.instruments())
        : Mono.empty();
  }

  /**
   * A change the network reports: the demand locked (with what else the change writes, in the same
   * statement), then the step, and the demand where the step changed it.
   */
  private Mono<Void> progress(
      UUID projectId, Mono<Project> locked, UnaryOperator<Project> change, TimelineEntry step) {
    return locked
        .switchIfEmpty(Mono.error(() -> unknown(projectId)))
        .flatMap(project -> write(project, change.apply(project), step))
        .as(transaction::transactional);
  }

  /** A step the network reports that leaves the demand as it is. */
  private Mono<Void> recorded(UUID projectId, TimelineEntry step) {
    return progress(projectId, projects.lock(projectId), UnaryOperator.identity(), step);
  }

  private record Change(Project before, Project after) {}

  /** The step, and the demand with it where the step changed it. */
  private Mono<Void> write(Project before, Project after, TimelineEntry step) {
    return after.equals(before) ? timeline.append(before.id(), step) : projects.update(after, step);
  }

  private static TimelineEntry answerEntry(BankAnswer answer) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("matchId", answer.matchId().toString());
    Step step =
        switch (answer.kind()) {
          case INTEREST -> Step.BANK_INTEREST;
          case DECLINE -> {
            putIfPresent(details, "declineReason", answer.declineReason());
            putIfPresent(details, "note", answer.note());
            yield Step.BANK_DECLINE;
          }
          case APPROVAL -> {
            putIfPresent(
                details,
                "annualRate",
                answer.annualRate() == null ? null : answer.annualRate().toPlainString());
            putIfPresent(details, "termMonths", answer.termMonths());
            yield Step.APPROVED;
          }
          case DISBURSEMENT -> {
            putIfPresent(
                details,
                "disbursedOn",
                answer.disbursedOn() == null ? null : answer.disbursedOn().toString());
            yield Step.DISBURSED;
          }
        };
    return new TimelineEntry(
        step,
        answer.respondedAt(),
        answer.bankCode(),
        answer.productId(),
        null,
        answer.amount(),
        details,
        answer.actor(),
        answer.service());
  }

  private static void putIfPresent(Map<String, Object> details, String name, Object value) {
    if (value != null) {
      details.put(name, value);
    }
  }

  private static PoisonEventException unknown(UUID projectId) {
    return new PoisonEventException("no demand " + projectId + " is known here");
  }

  private Mono<Project> announce(String type, Project project, Actor actor) {
    return append(type, project, ProjectEvents.DemandPayload.of(project, actor));
  }

  private Mono<Project> append(String type, Project project, Object payload) {
    return outbox
        .append(Topics.PROJECTS, type, project.id().toString(), payload, EventTypes.schemaOf(type))
        .thenReturn(project);
  }

  /** A step the county took here, on a request. */
  private static TimelineEntry entry(
      Step step, Instant at, BigDecimal amount, Map<String, Object> details, Actor actor) {
    return new TimelineEntry(step, at, null, null, null, amount, details, actor, SERVICE);
  }
}
