package io.huoshui.testsupport;

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
          DockerClientFactory.instance().isDockerAvailable()
              ? ContainerInfrastructure.start()
              : ProcessInfrastructure.start();
      default ->
          throw new IllegalStateException(
              "huoshui.infra must be auto, containers or processes, not " + mode);
    };
  }

  private static String mode() {
    String configured = System.getProperty("huoshui.infra", System.getenv("HUOSHUI_INFRA"));
    return configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
  }
}
