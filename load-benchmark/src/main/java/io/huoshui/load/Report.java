package io.huoshui.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The figures of a run, as BENCHMARKS.md shows them. */
final class Report {

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void print(
      Instant started,
      String loadAtStart,
      Options options,
      List<LoadBenchmark.Target> targets,
      Answers answers,
      Map<String, RuntimeException> bankFailures,
      Ledger.Settlement settlement,
      List<ProcessMemory> memory) {
    out.println();
    out.printf("Huoshui load benchmark, started %s%n", started.truncatedTo(ChronoUnit.SECONDS));
    out.printf(
        "  offered: %s demands/s, open loop, %d sender threads; %s s measured per path%s, after %s s"
            + " of warm-up each%n",
        number(options.rate()),
        options.senders(),
        number(options.duration().toMillis() / 1000.0),
        targets.size() > 1 ? " (halves in the order gateway, nginx, nginx, gateway)" : "",
        number(options.warmUp().toMillis() / 1000.0));
    out.printf(
        "  machine: %d cores; load average (1 min) %s at the start, %s at the end%n",
        Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage());
    if (options.upSeconds() != null) {
      out.printf(
          "  ./huoshui up --demo until every process was healthy: %s s%n",
          number(options.upSeconds()));
    }
    out.println();
    row("", targets, t -> t.label() + " " + t.base());
    row("demands sent", targets, t -> Long.toString(t.stats().sentCount()));
    row("accepted (201)", targets, t -> Long.toString(t.stats().acceptedCount()));
    row("throughput, accepted/s", targets, t -> number(t.stats().throughput()));
    row("errors", targets, t -> counts(t.stats().errors()));
    row("accept latency p50 ms", targets, t -> number(t.stats().acceptLatency().p50()));
    row("accept latency p95 ms", targets, t -> number(t.stats().acceptLatency().p95()));
    row("accept latency p99 ms", targets, t -> number(t.stats().acceptLatency().p99()));
    row("accept latency max ms", targets, t -> number(t.stats().acceptLatency().max()));
    row(
        "demands with a proposal",
        targets,
        t -> t.stats().demandsProposedCount() + " of " + t.stats().acceptedCount());
    row("MatchProposed on bank topics", targets, t -> Long.toString(t.stats().proposalCount()));
    row("accepted -> proposed p50 ms", targets, t -> number(t.stats().proposalLatency().p50()));
    row("accepted -> proposed p95 ms", targets, t -> number(t.stats().proposalLatency().p95()));
    row("accepted -> proposed p99 ms", targets, t -> number(t.stats().proposalLatency().p99()));
    row("  of it: to decision p50/95/99", targets, t -> triple(t.stats().matchingLatency()));
    row("  then: to the bank p50/95/99", targets, t -> triple(t.stats().deliveryLatency()));
    if (targets.size() > 1) {
      PathStats gateway = targets.get(0).stats();
      PathStats nginx = targets.get(1).stats();
      out.println();
      out.printf("  throughput gateway / nginx: %.3f%n", gateway.throughput() / nginx.throughput());
      out.printf(
          "  latency the gateway adds over nginx: p50 %s ms, p99 %s ms%n",
          signed(gateway.acceptLatency().p50() - nginx.acceptLatency().p50()),
          signed(gateway.acceptLatency().p99() - nginx.acceptLatency().p99()));
    }
    out.println();
    out.printf(
        "  bank answers (INTEREST through the gateway): %s; %d retried after 404/429/503%n",
        counts(answers.outcomes()), answers.retries());
    out.printf(
        "  matching-service decided %d of this run's demands in %s s from its first decision to its"
            + " last: %s demands/s%n",
        settlement.demandsDecided(),
        number(settlement.decisionSpan().toMillis() / 1e3),
        number(settlement.decidedPerSecond()));
    if (settlement.foreignProposals() > 0) {
      out.printf(
          "  %d proposal(s) of demands this run did not submit (the demo's own), not answered%n",
          settlement.foreignProposals());
    }
    bankFailures.forEach(
        (bank, error) -> out.printf("  bank %s stopped reading: %s%n", bank, error));
    out.println();
    out.println("  memory after the run (VmRSS, peak VmHWM; a process with its children)");
    long total = 0;
    for (ProcessMemory process : memory) {
      out.printf(
          "    %-32s pid %-7d %3d proc  %7s MB  peak %7s MB%n",
          process.name(),
          process.pid(),
          process.processes(),
          number(process.rssKb() / 1024.0),
          number(process.peakRssKb() / 1024.0));
      total += process.rssKb();
    }
    out.printf("    %-32s %27s MB%n", "total", number(total / 1024.0));
  }

  private void row(
      String label,
      List<LoadBenchmark.Target> targets,
      Function<LoadBenchmark.Target, String> cell) {
    StringBuilder line = new StringBuilder("  %-30s".formatted(label));
    targets.forEach(target -> line.append("%-34s".formatted(cell.apply(target))));
    out.println(line.toString().stripTrailing());
  }

  /** The first figure of /proc/loadavg: what else competed for the cores shapes every latency. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(entry -> entry.getKey() + ": " + entry.getValue())
            .collect(Collectors.joining(", "));
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : "%.1f".formatted(value);
  }

  /** p50 / p95 / p99 in milliseconds. */
  private static String triple(PathStats.Percentiles percentiles) {
    return "%s / %s / %s"
        .formatted(number(percentiles.p50()), number(percentiles.p95()), number(percentiles.p99()));
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? "-" : "%+.1f".formatted(value);
  }
}
