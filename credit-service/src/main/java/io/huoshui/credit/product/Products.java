package io.huoshui.credit.product;

import io.huoshui.credit.bank.Banks;
import io.huoshui.eventing.Outbox;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Page;
import io.huoshui.service.web.PageRequest;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The product catalog. Every change is written with its event (ProductPublished, ProductUpdated,
 * ProductRetired) in one transaction, and noted for the counties' digest.
 */
@Service
public class Products {

  private final ProductStore store;
  private final Banks banks;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  Products(
      ProductStore store,
      Banks banks,
      Outbox outbox,
      TransactionalOperator transaction,
      Clock clock) {
    this.store = store;
    this.banks = banks;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Publishes a product of the bank; the bank must have been registered by an operator.
   *
   * @param actor who published it, kept with the change
   */
  public Mono<Product> publish(String bankCode, ProductRequest request, Actor actor) {
    UUID id = UUID.randomUUID();
    return Mono.fromCallable(request::requireConsistent)
        .then(banks.find(bankCode))
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.conflict(
                        "BANK_NOT_REGISTERED",
                        "银行 %s 尚未在网络中登记，须由运营方登记。".formatted(bankCode),
                        "The bank %s is not registered on the network yet; an operator registers it."
                            .formatted(bankCode))))
        .flatMap(
            bank -> {
              Instant now = clock.instant();
              return store
                  .insert(id, bankCode, request, now)
                  .then(store.recordChange(id, "NEW", now, actor));
            })
        .then(Mono.defer(() -> announce(id, EventTypes.PRODUCT_PUBLISHED)))
        .as(transaction::transactional);
  }

  /** Replaces the bank's own product; a retired product is no longer changed. */
  public Mono<Product> update(String bankCode, UUID id, ProductRequest request, Actor actor) {
    return Mono.fromCallable(request::requireConsistent)
        .then(activeOwned(bankCode, id))
        .flatMap(
            stored -> {
              if (request.budget() != null && stored.committed().compareTo(request.budget()) > 0) {
                return Mono.error(
                    ApiProblem.unprocessable(
                        "BUDGET_BELOW_COMMITTED",
                        "批准已占用本产品额度 %s，预算不得低于此数。".formatted(stored.committed().toPlainString()),
                        "Approvals have already committed %s of this product; the budget cannot be lower."
                            .formatted(stored.committed().toPlainString())));
              }
              Instant now = clock.instant();
              return store
                  .replace(id, request, now)
                  .then(store.recordChange(id, "UPDATED", now, actor));
            })
        .then(Mono.defer(() -> announce(id, EventTypes.PRODUCT_UPDATED)))
        .as(transaction::transactional);
  }

  /** Takes the bank's own product off the catalog. */
  public Mono<Product> retire(String bankCode, UUID id, Actor actor) {
    return activeOwned(bankCode, id)
        .flatMap(
            stored -> {
              Instant now = clock.instant();
              return store.retire(id, now).then(store.recordChange(id, "RETIRED", now, actor));
            })
        .then(Mono.defer(() -> announce(id, EventTypes.PRODUCT_RETIRED)))
        .as(transaction::transactional);
  }

  /**
   * Charges an approval to the product's budget, announcing the lowered budget. Runs in the
   * caller's transaction, so that the charge stands or falls with the approval.
   */
  public Mono<Void> chargeApproval(UUID productId, BigDecimal amount) {
    return store
        .charge(productId, amount, clock.instant())
        .switchIfEmpty(
            Mono.error(
                () ->
                    ApiProblem.conflict(
                        "BUDGET_EXHAUSTED",
                        "本产品剩余的放贷额度不足 %s。".formatted(amount.toPlainString()),
                        "What is left of the product's lending budget does not cover %s."
                            .formatted(amount.toPlainString()))))
        .flatMap(
            budgeted ->
                budgeted ? announce(productId, EventTypes.PRODUCT_UPDATED).then() : Mono.empty());
  }

  public Mono<Product> find(UUID id) {
    return store.find(id);
  }

  public Mono<Page<Product>> search(ProductQuery query, PageRequest page) {
    return store
        .search(query, "p.updated_at DESC, p.id", page.size(), page.offset())
        .collectList()
        .zipWith(store.count(query), (items, total) -> Page.of(items, page, total));
  }

  /** The whole catalog for a region, bank by bank. */
  public Flux<Product> catalog(String region) {
    return store.search(
        ProductQuery.activeIn(region), "p.bank_code, p.name, p.id", Long.MAX_VALUE, 0);
  }

  /** How the catalog changed in [from, to), one entry per product. */
  public Flux<CatalogChange> changesBetween(Instant from, Instant to) {
    return store.changesBetween(from, to);
  }

  private Mono<ProductStore.Stored> activeOwned(String bankCode, UUID id) {
    return store
        .lockOwned(id, bankCode)
        .switchIfEmpty(
            Mono.error(
                () -> ApiProblem.notFound("没有产品 " + id + "。", "There is no product " + id + ".")))
        .flatMap(
            stored ->
                stored.product().status() == ProductStatus.RETIRED
                    ? Mono.error(
                        ApiProblem.conflict(
                            "PRODUCT_RETIRED",
                            "该产品已下架，不能再修改。",
                            "The product was retired and can no longer change."))
                    : Mono.just(stored));
  }

  private Mono<Product> announce(UUID id, String type) {
    return store
        .find(id)
        .flatMap(
            product ->
                outbox
                    .append(
                        Topics.PRODUCTS, type, id.toString(), product, EventTypes.schemaOf(type))
                    .thenReturn(product));
  }
}
