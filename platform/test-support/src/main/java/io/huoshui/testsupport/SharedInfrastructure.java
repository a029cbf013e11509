package io.huoshui.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts real PostgreSQL and Kafka once per test JVM, on first use, and stops them when the JVM
 * exits. Testcontainers where a Docker engine answers; otherwise the same processes the local run
 * starts. {@code HUOSHUI_INFRA=containers|processes} (or the system property {@code huoshui.infra})
 * forces one.
 */
public final class SharedInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

  private static Infrastructure instance;

  private SharedInfrastructure() {}

  public static synchronized Infrastructure get() {
    if (instance == null) {
      instance = start(mode());
      log.info("Real infrastructure for this test JVM: {}", instance.description());
    }
    return instance;
  }

  private static Infrastructure start(String mode) {
    return switch (mode) {
      case "containers" -> ContainerInfrastructure.start();
      case "processes" -> ProcessInfrastructure.start();
      case "auto" ->
          mayHaveDocker() && DockerClientFactory.instance().isDockerAvailable()
              ? ContainerInfrastructure.start()
              : ProcessInfrastructure.start();
      default ->
          throw new IllegalStateException(
              "huoshui.infra must be auto, containers or processes, not " + mode);
    };
  }

  /**
   * Whether there is anything for Testcontainers to ask. Its probe loads the Docker client and
   * tries every strategy it knows, close to a second per test JVM on a machine without Docker; a
   * Docker engine is found through a socket file or through configuration that names a host, so
   * without either there is nothing to ask.
   */
  private static boolean mayHaveDocker() {
    if (System.getenv("DOCKER_HOST") != null || System.getProperty("docker.host") != null) {
      return true;
    }
    Path home = Path.of(System.getProperty("user.home"));
    List<Path> candidates =
        new ArrayList<>(
            List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".testcontainers.properties"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock")));
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null) {
      candidates.add(Path.of(runtime, "docker.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }

  private static String mode() {
    String configured = System.getProperty("huoshui.infra", System.getenv("HUOSHUI_INFRA"));
    return configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
  }
}
