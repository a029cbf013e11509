package io.huoshui.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one path to project-service (through the gateway, or through nginx) did during the measured
 * phases: latencies in microseconds, three significant digits, recorded from many threads.
 */
final class PathStats {

  private final String name;
  private final Histogram accept = new ConcurrentHistogram(3);
  private final Histogram toProposal = new ConcurrentHistogram(3);
  private final Histogram toDecision = new ConcurrentHistogram(3);
  private final Histogram decisionToBank = new ConcurrentHistogram(3);
  private final LongAdder sent = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder proposals = new LongAdder();
  private final LongAdder demandsProposed = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder activeNanos = new LongAdder();

  PathStats(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void sent() {
    sent.increment();
  }

  /** From the moment the demand was due to be sent, so that a queue in front of it counts. */
  void accepted(long dueNanos, long answeredNanos) {
    accepted.increment();
    accept.recordValue(micros(answeredNanos - dueNanos));
  }

  /** An answer other than 201: its status, or the kind of failure when there was none. */
  void failed(String outcome) {
    errors.computeIfAbsent(outcome, key -> new LongAdder()).increment();
  }

  /**
   * A proposal read from a bank's topic {@code total} after its demand was accepted: {@code
   * matching} until matching-service decided it (project-service's relay, Kafka, matching's
   * consumer and transaction), {@code delivery} from the decision until the bank read it
   * (matching's relay, Kafka, the bank's consumer). The two come from wall clocks of the same
   * machine, in milliseconds.
   */
  void proposal(Duration total, Duration matching, Duration delivery) {
    proposals.increment();
    toProposal.recordValue(micros(total.toNanos()));
    toDecision.recordValue(micros(matching.toNanos()));
    decisionToBank.recordValue(micros(delivery.toNanos()));
  }

  void demandProposed() {
    demandsProposed.increment();
  }

  /** A phase lasted this long, from its first due send to its last answer. */
  void active(long nanos) {
    activeNanos.add(nanos);
  }

  long sentCount() {
    return sent.sum();
  }

  long acceptedCount() {
    return accepted.sum();
  }

  long proposalCount() {
    return proposals.sum();
  }

  long demandsProposedCount() {
    return demandsProposed.sum();
  }

  double throughput() {
    long nanos = activeNanos.sum();
    return nanos == 0 ? 0 : accepted.sum() / (nanos / 1e9);
  }

  Percentiles acceptLatency() {
    return Percentiles.of(accept);
  }

  Percentiles proposalLatency() {
    return Percentiles.of(toProposal);
  }

  Percentiles matchingLatency() {
    return Percentiles.of(toDecision);
  }

  Percentiles deliveryLatency() {
    return Percentiles.of(decisionToBank);
  }

  Map<String, Long> errors() {
    Map<String, Long> counts = new TreeMap<>();
    errors.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    return counts;
  }

  private static long micros(long nanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
  }

  /** Milliseconds; NaN when nothing was recorded. */
  record Percentiles(long count, double p50, double p95, double p99, double max) {

    static Percentiles of(Histogram histogram) {
      Histogram copy = histogram.copy();
      if (copy.getTotalCount() == 0) {
        return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new Percentiles(
          copy.getTotalCount(),
          millis(copy.getValueAtPercentile(50)),
          millis(copy.getValueAtPercentile(95)),
          millis(copy.getValueAtPercentile(99)),
          millis(copy.getMaxValue()));
    }

    private static double millis(long micros) {
      return micros / 1000.0;
    }
  }
}
