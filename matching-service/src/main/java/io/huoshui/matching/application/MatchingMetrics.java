package io.huoshui.matching.application;

import io.huoshui.matching.domain.Colour;
import io.huoshui.matching.domain.FitRule;
import io.huoshui.matching.domain.MatchOutcome;
import io.huoshui.matching.domain.Stage;
import io.huoshui.matching.domain.SupervisionAction;
import io.huoshui.matching.domain.Tier;
import io.huoshui.vocabulary.SyndicateRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Matching's metrics. Labels are bounded: tiers, colours and rules are enumerations, banks and
 * counties are the network's members (hundreds), never a demand, match or product id.
 */
@Component
class MatchingMetrics {

  private final MeterRegistry meters;
  private final Map<Colour, AtomicLong> open = new EnumMap<>(Colour.class);

  MatchingMetrics(MeterRegistry meters) {
    this.meters = meters;
    for (Colour colour : Colour.values()) {
      AtomicLong count = new AtomicLong();
      open.put(colour, count);
      Gauge.builder("huoshui.supervision.open", count, AtomicLong::get)
          .description("Unanswered matches at this supervision colour")
          .tag("colour", colour.name())
          .register(meters);
    }
  }

  void pushed(Tier tier, String bankCode) {
    meters.counter("huoshui.matches.pushed", "tier", tier.name(), "bank", bankCode).increment();
  }

  /** One for the county; one per rule that turned away at least one product. */
  void noMatch(String county, MatchOutcome.NoMatch outcome) {
    meters.counter("huoshui.no.match", "county", county).increment();
    for (FitRule rule : outcome.failures().keySet()) {
      meters.counter("huoshui.no.match.rule", "rule", rule.name()).increment();
    }
  }

  /** A demand every fitting bank let go, by its county. */
  void exhausted(String county) {
    meters.counter("huoshui.demands.exhausted", "county", county).increment();
  }

  /** What the financial offices did, by action. */
  void acted(SupervisionAction.Kind action) {
    meters.counter("huoshui.supervision.actions", "action", action.name()).increment();
  }

  /**
   * A RED case reached the financial office of a level (逐级督办: its tier's, then the city's and the
   * province's while it stays unanswered), by the stage of the match it is overdue at.
   */
  void escalated(Tier level, Stage stage) {
    meters
        .counter("huoshui.supervision.escalations", "level", level.name(), "stage", stage.name())
        .increment();
  }

  /** What a bank approved as a syndicate's lead or participant, in CNY. */
  void syndicateApproved(String bankCode, SyndicateRole role, BigDecimal amount) {
    Counter.builder("huoshui.syndicate.approved.cny")
        .description("CNY approved by banks as the lead or a participant of a syndicated loan")
        .tag("bank", bankCode)
        .tag("role", role.name())
        .register(meters)
        .increment(amount.doubleValue());
  }

  void openByColour(Map<Colour, Long> counts) {
    open.forEach((colour, count) -> count.set(counts.getOrDefault(colour, 0L)));
  }
}
