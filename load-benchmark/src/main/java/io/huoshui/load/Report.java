package io.huoshui.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The figures of a run in Markdown, ready to paste into BENCHMARKS.md. */
final class Report {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final StringBuilder out = new StringBuilder();

  String render(
      Instant started,
      String loadAtStart,
      String loadAtEnd,
      Options options,
      List<LoadBenchmark.Target> targets,
      LoadBenchmark.Rest rest,
      List<LoadBenchmark.StepResult> steps,
      List<LoadBenchmark.ProbeResult> probes,
      Map<String, Long> answerOutcomes,
      long answerRetries,
      Map<String, RuntimeException> bankFailures,
      long foreignProposals) {
    line("## Load run of %s, commit `%s`", WHEN.format(started), commit());
    line("");
    if (options.command() != null) {
      line("- command: `%s`", options.command());
    }
    if (options.javaOptions() != null) {
      line(
          "- services' JVM options: %s",
          options.javaOptions().isBlank()
              ? "as `./huoshui up` sets them (HUOSHUI_JAVA_OPTS unset)"
              : "`HUOSHUI_JAVA_OPTS=" + options.javaOptions().trim() + "`");
    }
    line(
        "- machine: %d cores, Java %s; load average (1 / 5 / 15 min) %s at the start, %s at the end",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadAtStart,
        loadAtEnd);
    if (options.upSeconds() != null) {
      line(
          "- `./huoshui up --demo` until every process was healthy: %s s",
          number(options.upSeconds()));
    }
    line(
        "- open loop, one step per rate of %s s (%s), each drained before the next (at most %s s);"
            + " %s s of warm-up per path at %s demands/s before the first",
        seconds(options.duration()),
        targets.size() > 1 ? "gateway, nginx, nginx, gateway, a quarter each" : "gateway only",
        seconds(options.drain()),
        seconds(options.warmUp()),
        number(options.rates().get(0)));
    if (!rest.duration().isZero()) {
      line(
          "- at rest before the first step (%s s): CPU %s ms per second (of it JIT compiler %s),"
              + " PSS %s MiB, all processes",
          seconds(rest.duration()),
          number(cpuMillis(rest.usage()) / (rest.duration().toMillis() / 1e3)),
          number(compilerMillis(rest.usage()) / (rest.duration().toMillis() / 1e3)),
          number(pssKb(rest.usage()) / 1024.0));
    }
    for (LoadBenchmark.StepResult result : steps) {
      step(result, targets);
    }
    summary(steps, targets);
    if (!probes.isEmpty()) {
      probes(probes, options);
    }
    line("");
    line(
        "Bank answers (INTEREST through the gateway): %s; %d retried after 404/429/503.",
        counts(answerOutcomes), answerRetries);
    if (foreignProposals > 0) {
      line(
          "%d proposal(s) of demands this run did not submit (the demo's own), not answered.",
          foreignProposals);
    }
    bankFailures.forEach((bank, error) -> line("Bank %s stopped reading: %s", bank, error));
    return out.toString();
  }

  private void step(LoadBenchmark.StepResult result, List<LoadBenchmark.Target> targets) {
    Step step = result.step();
    OpenLoop.Offer offer = result.offer();
    line("");
    line("### %s for %s s", step.name(), seconds(step.duration()));
    line("");
    line(
        "Offered %s/s, sent %s/s (send lag p99 %s ms). Drained in %s s, %d demand(s) undrained."
            + " Backlog %s: to matching's decision p50 %s ms in the first third, %s ms in the last."
            + " %s",
        number(offer.offeredPerSecond()),
        number(offer.sentPerSecond()),
        number(offer.lagP99Ms()),
        seconds(result.drained()),
        result.undrained(),
        result.bounded() ? "bounded" : "**growing**",
        number(step.firstThirdToDecision().p50()),
        number(step.lastThirdToDecision().p50()),
        result.verdict().sustainable()
            ? "**Sustainable.**"
            : "**Not sustainable:** " + String.join(", ", result.verdict().reasons()) + ".");
    line("");
    StringBuilder header = new StringBuilder("| " + step.name());
    StringBuilder rule = new StringBuilder("| ---");
    for (LoadBenchmark.Target target : targets) {
      header.append(" | ").append(target.label()).append(' ').append(target.base().getAuthority());
      rule.append(" | ---");
    }
    line("%s |", header);
    line("%s |", rule);
    row(step, targets, "sent / accepted (201)", p -> p.sentCount() + " / " + p.acceptedCount());
    row(step, targets, "accepted/s", p -> number(p.throughput()));
    row(step, targets, "errors", p -> counts(p.errors()));
    row(step, targets, "accept p50 / p99 ms", p -> pair(p.acceptLatency()));
    row(step, targets, "accepted → bank topic p50 / p99 ms", p -> pair(p.proposalLatency()));
    row(
        step,
        targets,
        "of it: to matching's decision p50 / p99 ms",
        p -> pair(p.matchingLatency()));
    row(
        step,
        targets,
        "of it: decision → read by the bank p50 / p99 ms",
        p -> pair(p.deliveryLatency()));
    row(
        step,
        targets,
        "demands with a proposal (proposals)",
        p ->
            p.demandsProposedCount() + " of " + p.acceptedCount() + " (" + p.proposalCount() + ")");
    line("");
    long demands = step.accepted();
    line(
        "| %s, per process | CPU ms/demand | of it: JIT compiler | PSS MiB | GC pause ms"
            + " | SQL statements/demand |",
        step.name());
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (Usage usage : result.usage()) {
      line(
          "| %s | %s | %s | %s | %s | %s |",
          usage.name(),
          perDemand(usage.cpuMillis(), demands),
          perDemand(usage.compilerMillis(), demands),
          number(usage.pssKb() / 1024.0),
          optional(usage.gcMillis(), 1),
          optional(perDemand(usage.sqlStatements(), demands), 1));
    }
    List<Usage> all = all(result.usage());
    line(
        "| **all but this program** | **%s** | %s | **%s** | %s | %s |",
        perDemand(cpuMillis(all), demands),
        perDemand(compilerMillis(all), demands),
        number(pssKb(all) / 1024.0),
        optional(sum(all, Usage::gcMillis), 1),
        optional(perDemand(sum(all, Usage::sqlStatements), demands), 1));
  }

  private void summary(List<LoadBenchmark.StepResult> steps, List<LoadBenchmark.Target> targets) {
    line("");
    line("### Summary");
    line("");
    String paths =
        targets.stream().map(LoadBenchmark.Target::label).collect(Collectors.joining(" / "));
    line(
        "| rate /s | accepted/s %s | errors | accept p99 ms %s | accepted → bank p99 ms"
            + " | to decision p50 ms, first → last third | CPU ms/demand, all | of it: JIT"
            + " compiler | PSS MiB, all | sustainable |",
        paths, paths);
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (LoadBenchmark.StepResult result : steps) {
      Step step = result.step();
      List<Usage> all = all(result.usage());
      line(
          "| %s | %s | %d | %s | %s | %s → %s | %s | %s | %s | %s |",
          number(step.rate()),
          each(step, p -> number(p.throughput())),
          step.errors(),
          each(step, p -> number(p.acceptLatency().p99())),
          number(step.toBankLatency().p99()),
          number(step.firstThirdToDecision().p50()),
          number(step.lastThirdToDecision().p50()),
          perDemand(cpuMillis(all), step.accepted()),
          perDemand(compilerMillis(all), step.accepted()),
          number(pssKb(all) / 1024.0),
          result.verdict().sustainable()
              ? "yes"
              : "no: " + String.join(", ", result.verdict().reasons()));
    }
    line("");
    OptionalDouble highest =
        Verdict.highestSustainable(
            steps.stream().map(result -> result.step().rate()).toList(),
            steps.stream().map(LoadBenchmark.StepResult::verdict).toList());
    line(
        "Highest sustainable rate (0 errors, backlog bounded — to-decision p50 of the last third at"
            + " most %s× that of the first, or %s ms more — every demand proposed after the drain,"
            + " accepted → bank topic p99 ≤ %s ms): **%s**.",
        number(Verdict.BACKLOG_GROWTH),
        number(Verdict.BACKLOG_SLACK_MS),
        number(Verdict.TO_BANK_P99_LIMIT_MS),
        highest.isPresent() ? number(highest.getAsDouble()) + " demands/s" : "none of the steps");
  }

  private void probes(List<LoadBenchmark.ProbeResult> probes, Options options) {
    line("");
    line(
        "### Closed-loop capacity probe: %d submitters without pacing, %s s per path",
        options.probeConcurrency(), seconds(options.probeDuration()));
    line("");
    StringBuilder header = new StringBuilder("| closed loop");
    StringBuilder rule = new StringBuilder("| ---");
    for (LoadBenchmark.ProbeResult probe : probes) {
      header
          .append(" | ")
          .append(probe.target().label())
          .append(' ')
          .append(probe.target().base().getAuthority());
      rule.append(" | ---");
    }
    line("%s |", header);
    line("%s |", rule);
    probeRow(probes, "accepted (201)", probe -> Long.toString(stats(probe).acceptedCount()));
    probeRow(probes, "accepted/s", probe -> number(stats(probe).throughput()));
    probeRow(probes, "errors", probe -> counts(stats(probe).errors()));
    probeRow(probes, "accept p50 / p99 ms", probe -> pair(stats(probe).acceptLatency()));
    probeRow(probes, "undrained after the drain", probe -> Long.toString(probe.undrained()));
    if (probes.size() == 2) {
      line("");
      line(
          "Gateway / nginx throughput at saturation: **%s**.",
          "%.3f".formatted(stats(probes.get(0)).throughput() / stats(probes.get(1)).throughput()));
    }
  }

  private static PathStats stats(LoadBenchmark.ProbeResult probe) {
    return probe.step().path(probe.target().label());
  }

  private void probeRow(
      List<LoadBenchmark.ProbeResult> probes,
      String label,
      Function<LoadBenchmark.ProbeResult, String> cell) {
    line("| %s | %s |", label, probes.stream().map(cell).collect(Collectors.joining(" | ")));
  }

  private void row(
      Step step,
      List<LoadBenchmark.Target> targets,
      String label,
      Function<PathStats, String> cell) {
    line(
        "| %s | %s |",
        label,
        targets.stream()
            .map(t -> cell.apply(step.path(t.label())))
            .collect(Collectors.joining(" | ")));
  }

  private static String each(Step step, Function<PathStats, String> cell) {
    return step.paths().values().stream().map(cell).collect(Collectors.joining(" / "));
  }

  /** Everything that carries the load: the network and nginx, not the load program. */
  private static List<Usage> all(List<Usage> usage) {
    return usage.stream().filter(u -> !u.name().equals(Processes.THIS_PROGRAM)).toList();
  }

  private static double cpuMillis(List<Usage> usage) {
    return usage.stream().mapToDouble(Usage::cpuMillis).sum();
  }

  private static double compilerMillis(List<Usage> usage) {
    return usage.stream().mapToDouble(Usage::compilerMillis).sum();
  }

  private static long pssKb(List<Usage> usage) {
    return usage.stream().mapToLong(Usage::pssKb).sum();
  }

  private static OptionalDouble sum(List<Usage> usage, Function<Usage, OptionalDouble> meter) {
    List<OptionalDouble> present =
        usage.stream().map(meter).filter(OptionalDouble::isPresent).toList();
    return present.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(present.stream().mapToDouble(OptionalDouble::getAsDouble).sum());
  }

  private static String perDemand(double total, long demands) {
    return demands == 0 ? "-" : "%.2f".formatted(total / demands);
  }

  private static OptionalDouble perDemand(OptionalDouble total, long demands) {
    return total.isEmpty() || demands == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(total.getAsDouble() / demands);
  }

  private static String optional(OptionalDouble value, int decimals) {
    return value.isEmpty() ? "n/a" : ("%." + decimals + "f").formatted(value.getAsDouble());
  }

  /** The commit measured, as git names it; "unknown" outside a checkout. */
  private static String commit() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** /proc/loadavg's three figures: what else competed for the cores shapes every latency. */
  static String loadAverage() {
    try {
      String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return figures[0] + " / " + figures[1] + " / " + figures[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void line(String format, Object... args) {
    out.append(args.length == 0 ? format : format.formatted(args)).append('\n');
  }

  private static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "none"
        : counts.entrySet().stream()
            .map(entry -> entry.getKey() + ": " + entry.getValue())
            .collect(Collectors.joining(", "));
  }

  static String number(double value) {
    return Double.isNaN(value) ? "-" : "%.1f".formatted(value);
  }

  private static String seconds(Duration duration) {
    return number(duration.toMillis() / 1e3);
  }

  /** p50 / p99 in milliseconds. */
  private static String pair(PathStats.Percentiles percentiles) {
    return number(percentiles.p50()) + " / " + number(percentiles.p99());
  }
}
