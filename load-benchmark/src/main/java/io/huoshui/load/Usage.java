package io.huoshui.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What one process spent during a step: CPU milliseconds (and of them, the JIT compiler's), GC
 * pause milliseconds and SQL statements (deltas between the samples before and after), and its PSS
 * at the end of the load. GC and SQL are empty for a process that has no such meter (Kafka,
 * PostgreSQL, nginx).
 */
record Usage(
    String name,
    double cpuMillis,
    double compilerMillis,
    long pssKb,
    OptionalDouble gcMillis,
    OptionalDouble sqlStatements) {

  /**
   * Every process sampled both before and after; a process that went away or appeared in between
   * has no delta and is left out.
   */
  static List<Usage> between(
      Map<String, Processes.Sample> before,
      Map<String, Processes.Sample> after,
      Map<String, Processes.Sample> atLoad,
      Map<String, ServiceMeters.Reading> metersBefore,
      Map<String, ServiceMeters.Reading> metersAfter,
      Function<Long, Double> ticksToMillis) {
    List<Usage> usage = new ArrayList<>();
    before.forEach(
        (name, first) -> {
          Processes.Sample last = after.get(name);
          if (last == null) {
            return;
          }
          Processes.Sample memory = atLoad.getOrDefault(name, last);
          usage.add(
              new Usage(
                  name,
                  ticksToMillis.apply(last.cpuTicks() - first.cpuTicks()),
                  ticksToMillis.apply(Math.max(0, last.compilerTicks() - first.compilerTicks())),
                  memory.pssKb(),
                  delta(
                          metersBefore.get(name),
                          metersAfter.get(name),
                          ServiceMeters.Reading::gcSeconds)
                      .stream()
                      .map(seconds -> seconds * 1000)
                      .findFirst(),
                  delta(
                      metersBefore.get(name),
                      metersAfter.get(name),
                      ServiceMeters.Reading::sqlStatements)));
        });
    return usage;
  }

  private static OptionalDouble delta(
      ServiceMeters.Reading before,
      ServiceMeters.Reading after,
      Function<ServiceMeters.Reading, OptionalDouble> meter) {
    if (before == null || after == null) {
      return OptionalDouble.empty();
    }
    OptionalDouble first = meter.apply(before);
    OptionalDouble last = meter.apply(after);
    // A meter that appears only with its first use counts from zero.
    if (last.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(last.getAsDouble() - first.orElse(0));
  }
}
