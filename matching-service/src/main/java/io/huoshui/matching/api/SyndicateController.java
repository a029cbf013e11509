package io.huoshui.matching.api;

import io.huoshui.matching.api.MatchController.MatchView;
import io.huoshui.matching.application.Syndicates;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.vocabulary.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The lead bank's hand on its syndicate: it invites participants. A demand of which the bank holds
 * no live match answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1")
class SyndicateController {

  private final Syndicates syndicates;

  SyndicateController(Syndicates syndicates) {
    this.syndicates = syndicates;
  }

  /** A participant the lead invites: another bank's product, for the share it is asked to take. */
  record Invitation(
      @NotNull UUID productId,
      @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal share) {}

  @PostMapping("/projects/{projectId}/syndicate/participants")
  @PreAuthorize("hasAuthority('SCOPE_responses:write')")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<MatchView> invite(
      @PathVariable UUID projectId,
      @Valid @RequestBody Invitation body,
      Tenant tenant,
      ServerWebExchange exchange) {
    Language language = Language.of(exchange.getLocaleContext().getLocale());
    return syndicates
        .invite(tenant, projectId, body.productId(), body.share())
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "本银行没有需求 %s 的在办匹配。".formatted(projectId),
                        "This bank holds no live match of the demand %s.".formatted(projectId))))
        .map(match -> MatchView.of(match, Map.of(), language));
  }
}
