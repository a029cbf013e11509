package io.huoshui.credit.instrument;

import io.huoshui.eventing.AfterCommit;
import io.huoshui.vocabulary.InstrumentKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The public money as the dashboards watch it: what approvals drew, by kind and issuer region, and
 * what the active instruments have left. Labels are kinds and the issuers' division codes (the
 * network's regions), never an instrument's id or name. Draws are counted once their approval
 * commits, so that a refused approval, which rolls its draws back, counts nothing.
 */
@Component
class InstrumentMetrics {

  private static final Logger log = LoggerFactory.getLogger(InstrumentMetrics.class);

  private final MeterRegistry meters;
  private final InstrumentStore store;
  private final MultiGauge budget;
  private final MultiGauge remaining;
  private final MultiGauge low;

  InstrumentMetrics(MeterRegistry meters, InstrumentStore store) {
    this.meters = meters;
    this.store = store;
    this.budget =
        MultiGauge.builder("huoshui.instrument.budget.cny")
            .description("Budget of the active policy instruments, by kind and issuer region, CNY")
            .register(meters);
    this.remaining =
        MultiGauge.builder("huoshui.instrument.budget.remaining.cny")
            .description("What drawings left of the active instruments' budgets, CNY")
            .register(meters);
    this.low =
        MultiGauge.builder("huoshui.instruments.budget.low")
            .description("Active instruments with less than 10 % of their budget left")
            .register(meters);
  }

  /** Counts the approval's draws when the transaction it runs in commits. */
  Mono<Void> drawnOnCommit(List<Drawing> drawings) {
    if (drawings.isEmpty()) {
      return Mono.empty();
    }
    return AfterCommit.run(() -> drawings.forEach(this::drawn));
  }

  private void drawn(Drawing drawing) {
    Tags tags = tags(drawing.kind(), drawing.issuerRegion());
    Counter.builder("huoshui.instrument.draws")
        .description("Approvals that drew on a policy instrument")
        .tags(tags)
        .register(meters)
        .increment();
    Counter.builder("huoshui.instrument.drawn.cny")
        .description("What approvals drew on policy instruments, CNY")
        .tags(tags)
        .register(meters)
        // Exact draws are in the database; a metric is a rate to watch, a double will do.
        .increment(drawing.drawn().doubleValue());
  }

  /**
   * Reads the budgets again. Every replica reports the same figures from the one database, as the
   * other database gauges do; a failed read keeps the last figures.
   */
  @Scheduled(
      fixedDelayString = "${huoshui.credit.instruments.budget-gauges-refresh}",
      initialDelayString = "${huoshui.credit.instruments.budget-gauges-refresh}")
  Mono<Void> refresh() {
    return store
        .budgets()
        .collectList()
        .doOnNext(
            rows -> {
              budget.register(rows(rows, InstrumentBudgets::budget), true);
              remaining.register(rows(rows, InstrumentBudgets::remaining), true);
              low.register(rows(rows, InstrumentBudgets::low), true);
            })
        .doOnError(error -> log.warn("Reading the instruments' budgets failed", error))
        .onErrorComplete()
        .then();
  }

  private static List<MultiGauge.Row<?>> rows(
      List<InstrumentBudgets> rows, Function<InstrumentBudgets, Number> figure) {
    return rows.stream()
        .<MultiGauge.Row<?>>map(
            row -> MultiGauge.Row.of(tags(row.kind(), row.issuerRegion()), figure.apply(row)))
        .toList();
  }

  private static Tags tags(InstrumentKind kind, String issuerRegion) {
    return Tags.of("kind", kind.name(), "issuer", issuerRegion);
  }
}
