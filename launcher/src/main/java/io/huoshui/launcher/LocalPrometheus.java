package io.huoshui.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus for the local run, where a {@code prometheus} binary is installed (Debian: the package
 * prometheus): it scrapes every process as deploy/prometheus/prometheus.yml says and evaluates the
 * alert rules beside it. The network runs without it; its data stays in .huoshui/data/prometheus
 * across down and up, so that alerts looking days back keep their history.
 */
final class LocalPrometheus {

  /** Part of the command line (the configuration file): tells our Prometheus from any other. */
  static final String PROCESS_MARKER = "deploy/prometheus/prometheus.yml";

  static final String INSTALL_HINT =
      "not installed, so no metrics or alerts (Debian: apt-get install prometheus)";

  private final Path binary;
  private final Layout layout;
  private final Component component;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  LocalPrometheus(Path binary, Layout layout, Component component) {
    this.binary = binary;
    this.layout = layout;
    this.component = component;
  }

  /** The {@code prometheus} executable in one of the directories of a PATH value, if any. */
  static Optional<Path> onPath(String path) {
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(directory -> !directory.isBlank())
        .map(directory -> Path.of(directory, "prometheus"))
        .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
        .findFirst();
  }

  Process start() {
    Path data = layout.data(component.name());
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + layout.root().resolve(PROCESS_MARKER),
            "--storage.tsdb.path=" + data,
            "--web.listen-address=127.0.0.1:" + component.port());
    try {
      Files.createDirectories(data);
      Files.createDirectories(layout.logs());
      return new ProcessBuilder(command)
          .directory(layout.root().toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(component).toFile()))
          .start();
    } catch (IOException e) {
      throw new LaunchException("could not start prometheus: " + e.getMessage());
    }
  }

  /**
   * Waits until Prometheus has loaded its configuration and rules and serves queries; false when it
   * exits first (a broken configuration) or is still not ready when the time is up.
   */
  boolean awaitReady(Process process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (ready()) {
        return true;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private boolean ready() {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                      .timeout(Duration.ofSeconds(2))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String url() {
    return "http://127.0.0.1:" + component.port();
  }
}
