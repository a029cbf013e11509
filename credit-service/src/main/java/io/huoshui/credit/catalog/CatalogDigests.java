package io.huoshui.credit.catalog;

import io.huoshui.credit.inbox.DemandCounties;
import io.huoshui.credit.product.CatalogChange;
import io.huoshui.credit.product.Products;
import io.huoshui.eventing.Outbox;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells each county, periodically, which products serving it are new, changed or retired: one
 * CatalogDigest event per county with anything to tell, for the notification service. Each run
 * covers the time since the last one, so nothing is told twice or skipped, even across restarts.
 */
@Service
class CatalogDigests {

  /**
   * A change is stamped when its transaction writes it but seen only once it commits: a window ends
   * this long before the run, so that no change still committing falls before its end unseen.
   */
  private static final Duration SETTLING = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(CatalogDigests.class);

  private final Products products;
  private final DemandCounties demandCounties;
  private final DigestStore store;
  private final TransactionalOperator transaction;
  private final Outbox outbox;
  private final Clock clock;
  private final DigestProperties properties;

  CatalogDigests(
      Products products,
      DemandCounties demandCounties,
      DigestStore store,
      TransactionalOperator transaction,
      Outbox outbox,
      Clock clock,
      DigestProperties properties) {
    this.products = products;
    this.demandCounties = demandCounties;
    this.store = store;
    this.transaction = transaction;
    this.outbox = outbox;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(cron = "${huoshui.credit.digest.cron}", zone = "${huoshui.credit.digest.zone}")
  Mono<Void> onSchedule() {
    return run()
        .doOnNext(digests -> log.info("Catalog digest sent to {} counties", digests))
        .then();
  }

  /**
   * Sends the digests for the time since the last run and returns how many counties got one. Of
   * several replicas only one runs at a time (an advisory lock); the others send nothing.
   */
  Mono<Integer> run() {
    return store
        .lockForRun()
        .flatMap(mine -> mine ? digestSinceLastRun() : Mono.just(0))
        .as(transaction::transactional);
  }

  private Mono<Integer> digestSinceLastRun() {
    Instant to = clock.instant().minus(SETTLING);
    return store
        .lastWindowEnd()
        .map(last -> last.orElse(to.minus(properties.period())))
        .filter(from -> from.isBefore(to))
        .flatMap(
            from ->
                Mono.zip(products.changesBetween(from, to).collectList(), counties())
                    .flatMap(found -> send(from, to, found.getT1(), found.getT2()))
                    .flatMap(sent -> store.recordRun(from, to, sent).thenReturn(sent)))
        .defaultIfEmpty(0);
  }

  private Mono<List<String>> counties() {
    return demandCounties
        .seen()
        .concatWith(Flux.fromIterable(properties.counties()))
        .collect(TreeSet<String>::new, TreeSet::add)
        .map(List::copyOf);
  }

  private Mono<Integer> send(
      Instant from, Instant to, List<CatalogChange> changes, List<String> counties) {
    return Flux.fromIterable(counties)
        .map(county -> new CatalogDigest(county, from, to, entriesFor(county, changes)))
        .filter(digest -> !digest.products().isEmpty())
        .concatMap(
            digest ->
                outbox.append(
                    Topics.CATALOG,
                    EventTypes.CATALOG_DIGEST,
                    digest.county(),
                    digest,
                    EventTypes.schemaOf(EventTypes.CATALOG_DIGEST)))
        .count()
        .map(Long::intValue);
  }

  /** A product serves a county when one of its regions is the county or a region around it. */
  private static List<CatalogDigest.Entry> entriesFor(String county, List<CatalogChange> changes) {
    return changes.stream()
        .filter(change -> change.regions().stream().anyMatch(county::startsWith))
        .map(
            change ->
                new CatalogDigest.Entry(
                    change.productId(),
                    change.bankCode(),
                    change.bankName(),
                    change.name(),
                    change.category(),
                    change.change()))
        .toList();
  }
}
