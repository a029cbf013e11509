package io.huoshui.infrastructure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server from the binaries zonky publishes on Maven Central. It runs as its own
 * process (pg_ctl detaches it), so the local run can leave it running after the launcher exits,
 * while a test JVM stops it on exit.
 */
public final class PostgresServer implements AutoCloseable {

  /** zonky's initdb creates this superuser with trust authentication on loopback. */
  public static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts a server on the given data directory, keeping what is there (initdb runs only on an
   * empty directory). What a server killed on this directory left running is ended first, as it
   * would keep the new one from starting.
   *
   * @param durability {@link Durability#DURABLE} for data that is kept
   * @param stopWithThisJvm true for tests; false for the local run, where the server outlives the
   *     launcher and is stopped by {@link #stop(Path)}
   */
  public static PostgresServer start(
      Path dataDirectory, int port, Path logFile, Durability durability, boolean stopWithThisJvm) {
    try {
      Files.createDirectories(dataDirectory);
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      OrphanedBackends.endAll(dataDirectory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(stopWithThisJvm)
              .setPort(port)
              .setPGStartupWait(Duration.ofMinutes(3))
              // zonky's builder turns fsync and synchronous_commit off; the caller decides.
              .setServerConfig("fsync", onOff(durability))
              .setServerConfig("synchronous_commit", onOff(durability))
              .setServerConfig("full_page_writes", onOff(durability))
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "64MB")
              .setServerConfig("log_destination", "stderr")
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      return new PostgresServer(postgres, dataDirectory);
    } catch (IOException | RuntimeException e) {
      throw new InfrastructureException(
          "PostgreSQL did not start on port %d with data in %s (its log: %s): %s"
              .formatted(port, dataDirectory, logFile, e.getMessage()),
          e);
    }
  }

  private static String onOff(Durability durability) {
    return durability == Durability.DURABLE ? "on" : "off";
  }

  public PostgresEndpoint endpoint() {
    return new PostgresEndpoint("localhost", postgres.getPort(), SUPERUSER, SUPERUSER);
  }

  /** The postmaster's process id, as PostgreSQL itself records it. */
  public long pid() {
    return postmasterPid(dataDirectory)
        .orElseThrow(() -> new InfrastructureException("no postmaster.pid in " + dataDirectory));
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /** The running postmaster of a data directory, if any. */
  public static Optional<Long> postmasterPid(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    try {
      if (!Files.isReadable(pidFile)) {
        return Optional.empty();
      }
      return Files.readAllLines(pidFile).stream()
          .findFirst()
          .map(String::trim)
          .map(Long::parseLong)
          .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
