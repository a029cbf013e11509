package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final List<LoadBenchmark.Target> TARGETS =
      List.of(
          new LoadBenchmark.Target("gateway", URI.create("http://localhost:8080")),
          new LoadBenchmark.Target("nginx", URI.create("http://127.0.0.1:8090")));

  /** A step whose demands each took {@code toDecisionMs} to matching's decision. */
  private static LoadBenchmark.StepResult step(double rate, long toDecisionMs, String... errors) {
    Step step =
        new Step(rate + " demands/s", rate, Duration.ofSeconds(3), List.of("gateway", "nginx"));
    step.started(0);
    for (String path : List.of("gateway", "nginx")) {
      PathStats stats = step.path(path);
      stats.active(TimeUnit.SECONDS.toNanos(1));
      for (int i = 0; i < 3; i++) {
        stats.sent();
        stats.accepted(0, 20 * MS);
        Ledger.Accepted demand = new Ledger.Accepted(step, stats, i * 1000 * MS, 0);
        step.proposal(
            demand,
            Duration.ofMillis(toDecisionMs + 30),
            Duration.ofMillis(toDecisionMs),
            Duration.ofMillis(30));
        stats.demandProposed();
      }
    }
    for (String error : errors) {
      step.path("gateway").sent();
      step.path("gateway").failed(error);
    }
    boolean bounded = Verdict.bounded(step.firstThirdToDecision(), step.lastThirdToDecision());
    List<Usage> usage =
        List.of(
            new Usage(
                "matching-service",
                600,
                240,
                300 * 1024,
                OptionalDouble.of(12),
                OptionalDouble.of(48)),
            new Usage("kafka", 300, 60, 200 * 1024, OptionalDouble.empty(), OptionalDouble.empty()),
            new Usage(
                Processes.THIS_PROGRAM,
                6000,
                3000,
                100 * 1024,
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    return new LoadBenchmark.StepResult(
        step,
        new OpenLoop.Offer(6, rate, rate, 0.1),
        Duration.ofSeconds(2),
        0,
        usage,
        bounded,
        Verdict.of(step.errors(), bounded, 0, step.toBankLatency().p99()));
  }

  @Test
  void aTablePerRateTheSummaryAndTheProbeRatio() {
    Step gatewayProbe = new Step("probe gateway", 0, Duration.ofSeconds(20), List.of("gateway"));
    Step nginxProbe = new Step("probe nginx", 0, Duration.ofSeconds(20), List.of("nginx"));
    for (int i = 0; i < 300; i++) {
      gatewayProbe.path("gateway").accepted(0, 10 * MS);
    }
    for (int i = 0; i < 400; i++) {
      nginxProbe.path("nginx").accepted(0, 10 * MS);
    }
    gatewayProbe.path("gateway").active(TimeUnit.SECONDS.toNanos(20));
    nginxProbe.path("nginx").active(TimeUnit.SECONDS.toNanos(20));

    String report =
        new Report()
            .render(
                Instant.parse("2026-12-01T20:00:00Z"),
                "1.00 / 2.00 / 3.00",
                "4.00 / 5.00 / 6.00",
                Options.parse(
                    "--rates",
                    "10,50",
                    "--duration",
                    "3",
                    "--java-options",
                    "-Xmx256m -XX:+UseSerialGC"),
                TARGETS,
                new LoadBenchmark.Rest(Duration.ofSeconds(10), List.of()),
                List.of(step(10, 40), step(50, 2_000, "503")),
                List.of(
                    new LoadBenchmark.ProbeResult(TARGETS.get(0), gatewayProbe, 0),
                    new LoadBenchmark.ProbeResult(TARGETS.get(1), nginxProbe, 0)),
                Map.of("201", 12L),
                0,
                Map.of(),
                0);

    assertThat(report)
        .startsWith("## Load run of 2026-12-01 20:00 UTC, commit `")
        .contains(
            "load average (1 / 5 / 15 min) 1.00 / 2.00 / 3.00 at the start, 4.00 / 5.00 / 6.00 at the end")
        .contains("- services' JVM options: `HUOSHUI_JAVA_OPTS=-Xmx256m -XX:+UseSerialGC`")
        .contains("### 10.0 demands/s for 3.0 s")
        .contains("| sent / accepted (201) | 3 / 3 | 3 / 3 |")
        .contains("| accept p50 / p99 ms | 20.0 / 20.0 | 20.0 / 20.0 |")
        .contains("| of it: to matching's decision p50 / p99 ms | 40.0 / 40.0 | 40.0 / 40.0 |")
        // 900 ms of CPU for the 6 demands, 300 of them compiling; the load program left out.
        .contains("| **all but this program** | **150.00** | 50.00 | **500.0** | 12.0 | 8.0 |")
        .contains("| kafka | 50.00 | 10.00 | 200.0 | n/a | n/a |")
        .contains("**Not sustainable:** 1 error(s), accepted → bank topic p99 2031 ms > 1000 ms.")
        .contains("Highest sustainable rate")
        .contains("**10.0 demands/s**")
        .contains("| accepted/s | 15.0 | 20.0 |")
        .contains("Gateway / nginx throughput at saturation: **0.750**.")
        .contains("Bank answers (INTEREST through the gateway): 201: 12; 0 retried");
  }
}
