package io.huoshui.credit.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The funnel from intent to money in place, per bank and county: the figures the network exists to
 * close. Labels are banks, counties and answer kinds only (bounded), never ids.
 */
@Component
class AnswerMetrics {

  private final MeterRegistry meters;

  AnswerMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void answered(MatchState match, BankResponse response) {
    String bank = match.bankCode();
    Counter.builder("huoshui.bank.answers")
        .description("Answers banks gave to matched demand")
        .tag("bank", bank)
        .tag("answer", response.answer().name())
        .register(meters)
        .increment();
    String amountMeter =
        switch (response.answer()) {
          case INTEREST -> "huoshui.intended.amount.cny";
          case APPROVAL -> "huoshui.approved.amount.cny";
          case DISBURSEMENT -> "huoshui.disbursed.amount.cny";
          case DECLINE -> null;
        };
    if (amountMeter != null) {
      Counter.builder(amountMeter)
          .description("CNY banks declared for matched demand, by answer")
          .tag("bank", bank)
          .tag("county", match.county())
          .register(meters)
          // Exact amounts are in the database; a metric is a rate to watch, a double will do.
          .increment(response.amount().doubleValue());
    }
    if (match.unanswered()) {
      firstAnswer(bank, match.proposedAt(), response.respondedAt());
    }
  }

  private void firstAnswer(String bank, Instant proposedAt, Instant answeredAt) {
    Duration waited = Duration.between(proposedAt, answeredAt);
    Timer.builder("huoshui.first.answer")
        .description("Time from a match being proposed to its bank's first answer")
        .tag("bank", bank)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(60))
        .register(meters)
        .record(waited.isNegative() ? Duration.ZERO : waited);
  }
}
