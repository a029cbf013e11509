package io.huoshui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.infrastructure.Processes;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrometheusTest {

  /** How long a start or a discovery may take on a loaded machine before it counts as failed. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path home;

  @Test
  void theBinaryIsTheFirstExecutablePrometheusOnThePath() throws IOException {
    Path empty = Files.createDirectories(home.resolve("empty"));
    Path notExecutable = Files.createDirectories(home.resolve("not-executable"));
    Files.writeString(notExecutable.resolve("prometheus"), "");
    Path installed = Files.createDirectories(home.resolve("bin"));
    Path binary = Files.writeString(installed.resolve("prometheus"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));

    String path = String.join(File.pathSeparator, empty.toString(), notExecutable.toString(), "");
    assertThat(LocalPrometheus.onPath(path)).isEmpty();
    assertThat(LocalPrometheus.onPath(path + File.pathSeparator + installed)).contains(binary);
    assertThat(LocalPrometheus.onPath(null)).isEmpty();
  }

  /**
   * The real binary with the repository's configuration, on a free port instead of 9090: it becomes
   * ready with the alert rules loaded, keeps its data under the run's home, and the launcher
   * recognises the process as its own.
   */
  @Test
  void startsWithTheRepositoryConfigurationAndItsAlertRules() throws Exception {
    Optional<Path> binary = LocalPrometheus.onPath(System.getenv("PATH"));
    Assumptions.assumeTrue(binary.isPresent(), "prometheus is not installed");
    Layout layout = new Layout(Path.of("..").toAbsolutePath().normalize(), home);
    Component component =
        new Component(
            "prometheus",
            Component.Kind.PROMETHEUS,
            List.of(freePort()),
            LocalPrometheus.PROCESS_MARKER,
            null,
            List.of());
    LocalPrometheus prometheus = new LocalPrometheus(binary.get(), layout, component);

    Process process = prometheus.start();
    try {
      assertThat(prometheus.awaitReady(process, PATIENCE))
          .as("ready; its log: %s", Processes.tail(layout.log(component), 20))
          .isTrue();
      String rules = get(prometheus.url() + "/api/v1/rules");
      assertThat(rules)
          .contains(
              "HuoshuiServiceDown",
              "HuoshuiBankNotAnswering",
              "HuoshuiOutboxEventTooOld",
              "HuoshuiWebhooksParked");
      assertThat(targetsOnceDiscovered(prometheus))
          .contains("localhost:8081", "\"application\":\"project-service\"");
      assertThat(home.resolve("data/prometheus")).isDirectory();

      layout.writePid(component, process.pid());
      LocalNetwork network = new LocalNetwork(layout, new PrintStream(new ByteArrayOutputStream()));
      assertThat(network.running(component)).map(ProcessHandle::pid).contains(process.pid());
    } finally {
      Processes.stop(process.toHandle(), Duration.ofSeconds(10));
    }
  }

  /**
   * Prometheus hands its targets to the scrape manager a few seconds after it is ready, later on a
   * busy machine: asked again until they are there, for as long as a loaded machine may need.
   */
  private static String targetsOnceDiscovered(LocalPrometheus prometheus) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String targets = get(prometheus.url() + "/api/v1/targets");
    while (targets.contains("\"activeTargets\":[]") && System.nanoTime() < deadline) {
      Thread.sleep(250);
      targets = get(prometheus.url() + "/api/v1/targets");
    }
    return targets;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
