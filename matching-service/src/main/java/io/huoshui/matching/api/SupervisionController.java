package io.huoshui.matching.api;

import io.huoshui.matching.application.SupervisionDesk;
import io.huoshui.matching.domain.ClosureReason;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.domain.SupervisionAction.Target;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Prose;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What a financial office does about the cases on its supervision board (scope {@code
 * supervision:write}): acknowledge, close (销号), push, re-open. A match or demand outside the
 * office's region answers 404, as the board does, and so does any tenant but an operator; a state
 * that does not allow the action answers 409 with a code naming why.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionController {

  private final SupervisionDesk desk;

  SupervisionController(SupervisionDesk desk) {
    this.desk = desk;
  }

  /** An acknowledgement of a case: the office's note on what it does about it. */
  record Acknowledgement(@NotNull @Prose @Size(min = 1, max = 2000) String note) {}

  /** A closure (销号) of a case, with its reason. */
  record Closure(@NotNull ClosureReason reason, @Prose @Size(min = 1, max = 2000) String note) {}

  /**
   * A push of a demand: to the next tier, or to the product named.
   *
   * @param productId the product, with target PRODUCT only
   */
  record Push(
      @NotNull Target target, UUID productId, @Prose @Size(min = 1, max = 2000) String note) {}

  record Reopening(@Prose @Size(min = 1, max = 2000) String note) {}

  @PostMapping("/matches/{matchId}/acknowledgement")
  @PreAuthorize("hasAuthority('SCOPE_supervision:write')")
  Mono<ActionView> acknowledge(
      @PathVariable UUID matchId,
      @Valid @RequestBody Acknowledgement body,
      Tenant tenant,
      Actor actor) {
    return found(
        operator(tenant).flatMap(office -> desk.acknowledge(office, actor, matchId, body.note())),
        "match",
        matchId);
  }

  @PostMapping("/matches/{matchId}/closure")
  @PreAuthorize("hasAuthority('SCOPE_supervision:write')")
  Mono<ActionView> close(
      @PathVariable UUID matchId, @Valid @RequestBody Closure body, Tenant tenant, Actor actor) {
    return found(
        operator(tenant)
            .flatMap(office -> desk.close(office, actor, matchId, body.reason(), body.note())),
        "match",
        matchId);
  }

  @PostMapping("/demands/{projectId}/push")
  @PreAuthorize("hasAuthority('SCOPE_supervision:write')")
  Mono<ActionView> push(
      @PathVariable UUID projectId, @Valid @RequestBody Push body, Tenant tenant, Actor actor) {
    if (body.target() == Target.PRODUCT && body.productId() == null) {
      return Mono.error(ApiProblem.invalid("productId", "推送至指定产品时必填", "required with PRODUCT"));
    }
    if (body.target() == Target.NEXT_TIER && body.productId() != null) {
      return Mono.error(ApiProblem.invalid("productId", "推送至下一层级时不得指定产品", "only with PRODUCT"));
    }
    return found(
        operator(tenant)
            .flatMap(
                office ->
                    desk.push(
                        office, actor, projectId, body.target(), body.productId(), body.note())),
        "demand",
        projectId);
  }

  @PostMapping("/demands/{projectId}/reopening")
  @PreAuthorize("hasAuthority('SCOPE_supervision:write')")
  Mono<ActionView> reopen(
      @PathVariable UUID projectId,
      @Valid @RequestBody(required = false) Reopening body,
      Tenant tenant,
      Actor actor) {
    String note = body == null ? null : body.note();
    return found(
        operator(tenant).flatMap(office -> desk.reopen(office, actor, projectId, note)),
        "demand",
        projectId);
  }

  private static Mono<Tenant> operator(Tenant tenant) {
    return tenant.isOperator() ? Mono.just(tenant) : Mono.empty();
  }

  private static Mono<ActionView> found(Mono<SupervisionAction> done, String what, UUID id) {
    return done.map(ActionView::of)
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "没有%s %s。".formatted(what.equals("match") ? "匹配" : "需求", id),
                        "There is no %s %s here.".formatted(what, id))));
  }

  /**
   * What the office did, as SupervisionActed announces it.
   *
   * @param matchId the case's match, or the new match of a push; null for a re-opening
   * @param reason a closure's reason, or NEXT_TIER or NAMED_PRODUCT for a push
   */
  record ActionView(
      UUID actionId,
      UUID projectId,
      String county,
      SupervisionAction.Kind action,
      UUID matchId,
      String bankCode,
      UUID productId,
      String reason,
      String note,
      String operatorRegion,
      Actor actor,
      Instant actedAt) {

    static ActionView of(SupervisionAction action) {
      return new ActionView(
          action.actionId(),
          action.projectId(),
          action.county(),
          action.action(),
          action.matchId(),
          action.bankCode(),
          action.productId(),
          action.reason(),
          action.note(),
          action.operatorRegion(),
          new Actor(action.clientId(), action.requestId()),
          action.actedAt());
    }
  }
}
