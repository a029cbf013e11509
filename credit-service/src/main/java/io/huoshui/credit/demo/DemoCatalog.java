package io.huoshui.credit.demo;

import io.huoshui.credit.bank.Banks;
import io.huoshui.credit.bank.NewBank;
import io.huoshui.credit.product.Product;
import io.huoshui.credit.product.ProductQuery;
import io.huoshui.credit.product.ProductRequest;
import io.huoshui.credit.product.Products;
import io.huoshui.service.security.Actor;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The banks and products of the articles (docs/domain.md, {@code demo/catalog.json}) for a demo run
 * ({@code huoshui.demo=true}). Loaded through the domain services, so the product events flow as
 * for any bank; loading again adds nothing (a bank by its code, a product by its bank and name).
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoCatalog implements ApplicationRunner {

  static final String FILE = "/demo/catalog.json";

  private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

  /** The demo's products are published by this service at its start, on no one's request. */
  private static final Actor LOADER = new Actor("credit-service", null);

  private final Banks banks;
  private final Products products;
  private final Catalog catalog;

  DemoCatalog(Banks banks, Products products, JsonMapper json) {
    this.banks = banks;
    this.products = products;
    this.catalog = read(json);
  }

  /** The demo banks, and the products each publishes. */
  record Catalog(List<NewBank> banks, List<Offer> products) {}

  record Offer(String bankCode, ProductRequest product) {}

  /** A misspelt member stops the start instead of publishing a product without it. */
  static Catalog read(JsonMapper json) {
    try (InputStream file = DemoCatalog.class.getResourceAsStream(FILE)) {
      if (file == null) {
        throw new IllegalStateException(FILE + " is not on the classpath");
      }
      return json.rebuild()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build()
          .readValue(file, Catalog.class);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  Catalog catalog() {
    return catalog;
  }

  /**
   * Waits for the load on purpose: the runner holds the service back from reporting ready, so a
   * demo that is up has its catalog.
   */
  @Override
  public void run(ApplicationArguments args) {
    Long added = load().block(Duration.ofMinutes(1));
    log.info("Demo catalog loaded: {} products added", added);
  }

  /** Adds what is missing of the demo banks and products; returns how many products it added. */
  Mono<Long> load() {
    return Flux.fromIterable(catalog.banks())
        .concatMap(this::registerIfMissing)
        .thenMany(Flux.fromIterable(catalog.products()))
        .concatMap(this::publishIfMissing)
        .count();
  }

  private Mono<Void> registerIfMissing(NewBank bank) {
    return banks
        .register(bank)
        .then()
        .onErrorResume(
            error -> error instanceof ApiProblem problem && "BANK_EXISTS".equals(problem.code()),
            registered -> Mono.empty());
  }

  private Mono<Product> publishIfMissing(Offer offer) {
    return products
        .search(
            new ProductQuery(null, null, null, null, null, offer.bankCode(), null),
            PageRequest.of(0, PageRequest.MAX_SIZE))
        .map(page -> page.items().stream().map(Product::name).collect(Collectors.toSet()))
        .flatMap(
            (Set<String> names) ->
                names.contains(offer.product().name())
                    ? Mono.empty()
                    : products.publish(offer.bankCode(), offer.product(), LOADER));
  }
}
