package io.huoshui.credit.inbox;

import static io.huoshui.credit.web.BankClients.bankOf;

import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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

/** {@code /api/v1/matches}: a bank's inbox of matched demand and its answers. */
@RestController
@RequestMapping("/api/v1/matches")
class MatchController {

  private final Answers answers;
  private final IdempotentRequests idempotent;

  MatchController(Answers answers, IdempotentRequests idempotent) {
    this.answers = answers;
    this.idempotent = idempotent;
  }

  @GetMapping("/inbox")
  @PreAuthorize("hasAuthority('SCOPE_matches:read')")
  Mono<Page<InboxMatch>> inbox(
      Tenant tenant,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String deadlineBefore,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    return answers.inbox(
        bankOf(tenant),
        QueryParameters.oneOf("status", status, MatchStatus.class),
        QueryParameters.date("deadlineBefore", deadlineBefore),
        PageRequest.parse(page, size));
  }

  @GetMapping("/{matchId}")
  @PreAuthorize("hasAuthority('SCOPE_matches:read')")
  Mono<Answers.MatchDetail> match(Tenant tenant, @PathVariable UUID matchId) {
    return answers.match(bankOf(tenant), matchId);
  }

  @GetMapping("/{matchId}/responses/{responseId}")
  @PreAuthorize("hasAuthority('SCOPE_matches:read')")
  Mono<BankResponse> response(
      Tenant tenant, @PathVariable UUID matchId, @PathVariable UUID responseId) {
    return answers.response(bankOf(tenant), matchId, responseId);
  }

  @PostMapping("/{matchId}/responses")
  @PreAuthorize("hasAuthority('SCOPE_responses:write')")
  Mono<ResponseEntity<Object>> answer(
      Tenant tenant,
      Actor actor,
      @PathVariable UUID matchId,
      @Valid @RequestBody AnswerRequest request,
      ServerWebExchange exchange) {
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            answers
                .answer(bankOf(tenant), matchId, request, actor)
                .map(
                    response ->
                        ResponseEntity.created(
                                URI.create(
                                    "/api/v1/matches/%s/responses/%s"
                                        .formatted(matchId, response.responseId())))
                            .body(response)));
  }
}
