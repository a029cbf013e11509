package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What operators watch, after the stories and the drills have driven real traffic through the
 * network (last, so that every kind of traffic a dashboard shows has happened: syndicate approvals,
 * instrument draws, matchmaking follow-ups): every process's scrape passes promtool's linter, and
 * every expression of every dashboard returns data from the Prometheus that {@code ./huoshui up}
 * started.
 */
@Order(9)
class OperatorViewTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> SCRAPES =
      List.of(
          "http://localhost:8080",
          "http://localhost:8081",
          "http://localhost:8082",
          "http://localhost:8083",
          "http://localhost:8084",
          "http://localhost:9000");

  @Test
  void everyScrapeIsWellNamedAndEveryDashboardExpressionReturnsData() throws Exception {
    SystemNetwork.get();
    Assumptions.assumeTrue(
        answers(9090), "Prometheus is not installed here, so ./huoshui up started none");

    List<String> lint =
        new ArrayList<>(List.of(ROOT.resolve("tools/observability/check").toString()));
    lint.addAll(SCRAPES);
    assertThat(run(lint, "observability-check.log")).as("tools/observability/check").isZero();

    // Rates need two scrapes of every target after the drills' last restart, 15 s apart: asked
    // again until every expression has data, rather than after a fixed pause that is either
    // longer than needed or, on a busy machine, too short.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(5))
        .alias("tools/observability/check-dashboards (see target/check-dashboards.log)")
        .until(
            () ->
                run(
                    List.of(
                        ROOT.resolve("tools/observability/check-dashboards").toString(),
                        "--prometheus",
                        "http://localhost:9090",
                        "--range",
                        "1h"),
                    "check-dashboards.log"),
            exit -> exit == 0);
  }

  private static int run(List<String> command, String log)
      throws IOException, InterruptedException {
    Path output = Path.of("target", log).toAbsolutePath();
    Process process =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return -1;
    }
    if (process.exitValue() != 0) {
      System.out.println(Files.readString(output));
    }
    return process.exitValue();
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
