package io.huoshui.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One load phase of the run (a rate step, the warm-up, a closed-loop probe): its paths' figures,
 * and over both paths the time from accept to the bank's topic and to matching's decision, the
 * latter in the first and the last third of the phase to tell a bounded backlog from a growing one.
 */
final class Step {

  private final String name;
  private final double rate;
  private final Duration duration;
  private final Map<String, PathStats> paths = new LinkedHashMap<>();
  private final Histogram toBank = new Histogram(3);
  private final Histogram firstThird = new Histogram(3);
  private final Histogram lastThird = new Histogram(3);
  private volatile long startNanos;

  Step(String name, double rate, Duration duration, List<String> pathNames) {
    this.name = name;
    this.rate = rate;
    this.duration = duration;
    pathNames.forEach(path -> paths.put(path, new PathStats(path)));
  }

  String name() {
    return name;
  }

  double rate() {
    return rate;
  }

  Duration duration() {
    return duration;
  }

  PathStats path(String name) {
    return paths.get(name);
  }

  Map<String, PathStats> paths() {
    return paths;
  }

  /** The load begins now: the thirds count from here. */
  void started(long nanos) {
    startNanos = nanos;
  }

  /**
   * A proposal of a demand of this step, read {@code total} after the demand's 201, {@code
   * toDecision} of it until matching decided; recorded on the demand's path and in the step's
   * figures. Called by one thread, after the step (a proposal may be read before its 201 is).
   */
  void proposal(Ledger.Accepted demand, Duration total, Duration toDecision, Duration toBankRead) {
    demand.path().proposal(total, toDecision, toBankRead);
    toBank.recordValue(micros(total));
    double position = (demand.atNanos() - startNanos) / (double) duration.toNanos();
    if (position < 1 / 3.0) {
      firstThird.recordValue(micros(toDecision));
    } else if (position >= 2 / 3.0) {
      lastThird.recordValue(micros(toDecision));
    }
  }

  long accepted() {
    return paths.values().stream().mapToLong(PathStats::acceptedCount).sum();
  }

  long errors() {
    return paths.values().stream()
        .mapToLong(path -> path.errors().values().stream().mapToLong(Long::longValue).sum())
        .sum();
  }

  PathStats.Percentiles toBankLatency() {
    return PathStats.Percentiles.of(toBank);
  }

  PathStats.Percentiles firstThirdToDecision() {
    return PathStats.Percentiles.of(firstThird);
  }

  PathStats.Percentiles lastThirdToDecision() {
    return PathStats.Percentiles.of(lastThird);
  }

  private static long micros(Duration duration) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMicros(duration.toNanos()));
  }
}
