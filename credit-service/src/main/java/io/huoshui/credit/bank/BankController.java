package io.huoshui.credit.bank;

import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import jakarta.validation.Valid;
import java.net.URI;
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

/** {@code /api/v1/banks}: operators register banks; every client may read them. */
@RestController
@RequestMapping("/api/v1/banks")
class BankController {

  private final Banks banks;
  private final IdempotentRequests idempotent;

  BankController(Banks banks, IdempotentRequests idempotent) {
    this.banks = banks;
    this.idempotent = idempotent;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SCOPE_clients:admin')")
  Mono<ResponseEntity<Object>> register(
      @Valid @RequestBody NewBank request, Tenant tenant, ServerWebExchange exchange) {
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            banks
                .register(request)
                .map(
                    bank ->
                        ResponseEntity.created(URI.create("/api/v1/banks/" + bank.code()))
                            .body(bank)));
  }

  @GetMapping
  Mono<Page<Bank>> list(
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    return banks.list(PageRequest.parse(page, size));
  }

  @GetMapping("/{code}")
  Mono<Bank> one(@PathVariable String code) {
    return banks
        .find(code)
        .switchIfEmpty(
            Mono.error(
                () -> ApiProblem.notFound("没有银行 " + code + "。", "There is no bank " + code + ".")));
  }
}
