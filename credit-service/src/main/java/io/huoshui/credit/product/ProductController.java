package io.huoshui.credit.product;

import static io.huoshui.credit.web.BankClients.bankOf;

import io.huoshui.credit.web.QueryParams;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.service.web.QueryParameters;
import io.huoshui.vocabulary.Industry;
import io.huoshui.vocabulary.ProductCategory;
import io.huoshui.vocabulary.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
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
 * {@code /api/v1/products}: a bank manages its own products; every client reads the catalog (a
 * county through its catalog scope, banks and operators through their products scope).
 */
@RestController
@RequestMapping("/api/v1/products")
class ProductController {

  private static final String READERS =
      "hasAnyAuthority('SCOPE_products:read', 'SCOPE_catalog:read')";
  private static final String BANK_WRITERS = "hasAuthority('SCOPE_products:write')";

  /** What a product's amounts may be: a cent up to what the catalog stores. */
  private static final BigDecimal LEAST_AMOUNT = new BigDecimal("0.01");

  private static final BigDecimal GREATEST_AMOUNT = new BigDecimal("9999999999999.99");

  private final Products products;
  private final IdempotentRequests idempotent;

  ProductController(Products products, IdempotentRequests idempotent) {
    this.products = products;
    this.idempotent = idempotent;
  }

  @PostMapping
  @PreAuthorize(BANK_WRITERS)
  Mono<ResponseEntity<Object>> publish(
      @Valid @RequestBody ProductRequest request,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    return idempotent.create(
        exchange,
        tenant,
        request,
        () ->
            products
                .publish(bankOf(tenant), request, actor)
                .map(
                    product ->
                        ResponseEntity.created(
                                URI.create("/api/v1/products/" + product.productId()))
                            .body(product)));
  }

  @PutMapping("/{id}")
  @PreAuthorize(BANK_WRITERS)
  Mono<Product> update(
      @PathVariable UUID id,
      @Valid @RequestBody ProductRequest request,
      Tenant tenant,
      Actor actor) {
    return products.update(bankOf(tenant), id, request, actor);
  }

  @PostMapping("/{id}/retire")
  @PreAuthorize(BANK_WRITERS)
  Mono<Product> retire(@PathVariable UUID id, Tenant tenant, Actor actor) {
    return products.retire(bankOf(tenant), id, actor);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  Mono<Product> one(@PathVariable UUID id) {
    return products
        .find(id)
        .switchIfEmpty(
            Mono.error(
                () -> ApiProblem.notFound("没有产品 " + id + "。", "There is no product " + id + ".")));
  }

  @GetMapping
  @PreAuthorize(READERS)
  Mono<Page<Product>> search(
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String amount,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String bank,
      @RequestParam(required = false, defaultValue = "ACTIVE") String status,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    ProductQuery query =
        new ProductQuery(
            QueryParams.region("region", region),
            QueryParameters.oneOf("industry", industry, Industry.class),
            QueryParameters.oneOf("category", category, ProductCategory.class),
            QueryParameters.amount("amount", amount, LEAST_AMOUNT, GREATEST_AMOUNT),
            QueryParameters.oneOf("tag", tag, Tag.class),
            QueryParameters.text("bank", bank),
            QueryParameters.oneOf("status", status, ProductStatus.class));
    return products.search(query, PageRequest.parse(page, size));
  }
}
