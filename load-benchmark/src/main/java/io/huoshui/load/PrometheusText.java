package io.huoshui.load;

import java.util.OptionalDouble;

/** Prometheus' text exposition format, as each service's /actuator/prometheus answers it. */
final class PrometheusText {

  private PrometheusText() {}

  /**
   * The sum of every series of the metric {@code name} (whatever its labels: each GC action and
   * cause, each application tag), or empty when the text has no such series: a meter the service
   * does not register is "n/a", not 0.
   */
  static OptionalDouble sum(String text, String name) {
    double sum = 0;
    boolean found = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      String value;
      if (rest.startsWith("{")) {
        value = rest.substring(rest.lastIndexOf('}') + 1);
      } else if (rest.startsWith(" ")) {
        value = rest;
      } else {
        // A longer name with this one as its prefix (jvm_gc_pause_seconds_sum_x).
        continue;
      }
      String[] tokens = value.trim().split("\\s+");
      double parsed = Double.parseDouble(tokens[0]);
      if (!Double.isNaN(parsed)) {
        sum += parsed;
      }
      found = true;
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
