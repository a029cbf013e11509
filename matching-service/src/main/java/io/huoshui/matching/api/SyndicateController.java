package io.huoshui.matching.api;

import io.huoshui.matching.api.MatchController.MatchView;
import io.huoshui.matching.application.Syndicates;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.vocabulary.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
 * The lead bank's hand on its syndicate: it invites participants, or replaces one. A demand of
 * which the bank holds no live match answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1")
class SyndicateController {

  private final Syndicates syndicates;

  SyndicateController(Syndicates syndicates) {
    this.syndicates = syndicates;
  }

  /**
   * A participant the lead invites: another bank's product, for the share it is asked to take.
   *
   * @param replaces the bank code of a participant the invited bank replaces, absent for none
   */
  record Invitation(
      @NotNull UUID productId,
      @NotNull @Positive @Digits(integer = 13, fraction = 2) BigDecimal share,
      @Size(min = 1, max = 64) @Pattern(regexp = "[a-z0-9-]+") String replaces) {}

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
        .invite(tenant, projectId, body.productId(), body.share(), body.replaces())
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.notFound(
                        "本银行没有需求 %s 的在办匹配。".formatted(projectId),
                        "This bank holds no live match of the demand %s.".formatted(projectId))))
        .map(match -> MatchView.of(match, Map.of(), language));
  }
}
