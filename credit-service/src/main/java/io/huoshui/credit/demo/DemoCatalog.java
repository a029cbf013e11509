package io.huoshui.credit.demo;

import io.huoshui.credit.bank.Banks;
import io.huoshui.credit.bank.NewBank;
import io.huoshui.credit.instrument.Instrument;
import io.huoshui.credit.instrument.InstrumentQuery;
import io.huoshui.credit.instrument.InstrumentRequest;
import io.huoshui.credit.instrument.Instruments;
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
 * The banks and products of the articles (docs/domain.md, {@code demo/catalog.json}) and the policy
 * instruments beside them ({@code demo/instruments.json}) for a demo run ({@code
 * huoshui.demo=true}). Loaded through the domain services, so the product and instrument events
 * flow as for any bank or office; loading again adds nothing (a bank by its code, a product by its
 * bank and name, an instrument by its issuer region and name).
 */
@Component
@ConditionalOnBooleanProperty("huoshui.demo")
class DemoCatalog implements ApplicationRunner {

  static final String FILE = "/demo/catalog.json";
  static final String INSTRUMENTS_FILE = "/demo/instruments.json";

  private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

  /**
   * The demo's products and instruments are published by this service at its start, on no one's
   * request.
   */
  private static final Actor LOADER = new Actor("credit-service", null);

  private final Banks banks;
  private final Products products;
  private final Instruments instruments;
  private final Catalog catalog;
  private final Issued issued;

  DemoCatalog(Banks banks, Products products, Instruments instruments, JsonMapper json) {
    this.banks = banks;
    this.products = products;
    this.instruments = instruments;
    this.catalog = read(json, FILE, Catalog.class);
    this.issued = read(json, INSTRUMENTS_FILE, Issued.class);
  }

  /** The demo banks, and the products each publishes. */
  record Catalog(List<NewBank> banks, List<Offer> products) {}

  record Offer(String bankCode, ProductRequest product) {}

  /** The policy instruments, each issued by the office of its issuer region. */
  record Issued(List<InstrumentRequest> instruments) {}

  /** A misspelt member stops the start instead of publishing a product without it. */
  static <T> T read(JsonMapper json, String name, Class<T> type) {
    try (InputStream file = DemoCatalog.class.getResourceAsStream(name)) {
      if (file == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return json.rebuild()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build()
          .readValue(file, type);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  Catalog catalog() {
    return catalog;
  }

  Issued issued() {
    return issued;
  }

  /**
   * Waits for the load on purpose: the runner holds the service back from reporting ready, so a
   * demo that is up has its catalog.
   */
  @Override
  public void run(ApplicationArguments args) {
    Long added = load().block(Duration.ofMinutes(1));
    log.info("Demo catalog loaded: {} products and instruments added", added);
  }

  /**
   * Adds what is missing of the demo banks, products and instruments; returns how many products and
   * instruments it added.
   */
  Mono<Long> load() {
    Flux<Object> added =
        Flux.concat(
            Flux.fromIterable(catalog.products()).concatMap(this::publishIfMissing),
            Flux.fromIterable(issued.instruments()).concatMap(this::issueIfMissing));
    return Flux.fromIterable(catalog.banks())
        .concatMap(this::registerIfMissing)
        .thenMany(added)
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

  /** Issued as the office of the issuer region would issue it. */
  private Mono<Instrument> issueIfMissing(InstrumentRequest instrument) {
    return instruments
        .search(
            InstrumentQuery.issuedIn(instrument.issuerRegion()),
            PageRequest.of(0, PageRequest.MAX_SIZE))
        .map(
            page ->
                page.items().stream()
                    .filter(issued -> issued.issuerRegion().equals(instrument.issuerRegion()))
                    .map(Instrument::name)
                    .collect(Collectors.toSet()))
        .flatMap(
            (Set<String> names) ->
                names.contains(instrument.name())
                    ? Mono.empty()
                    : instruments.publish(instrument.issuerRegion(), instrument, LOADER));
  }
}
