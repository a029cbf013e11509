package io.huoshui.testsupport;

import io.huoshui.infrastructure.Durability;
import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.infrastructure.Ports;
import io.huoshui.infrastructure.PostgresEndpoint;
import io.huoshui.infrastructure.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL from zonky's binaries and Kafka's own broker, each a process of its own, in a fresh
 * directory under target/ so that every test run starts clean and leaves its logs for reading.
 */
final class ProcessInfrastructure implements Infrastructure {

  private final PostgresServer postgres;
  private final KafkaBroker kafka;
  private final Path directory;

  private ProcessInfrastructure(PostgresServer postgres, KafkaBroker kafka, Path directory) {
    this.postgres = postgres;
    this.kafka = kafka;
    this.directory = directory;
  }

  static Infrastructure start() {
    Path directory = runDirectory();
    // Both servers' data is thrown away with the test JVM: nothing they acknowledge needs to reach
    // the disk, and the tests run faster without an fsync per commit.
    PostgresServer postgres =
        PostgresServer.start(
            directory.resolve("postgres"),
            Ports.free(),
            directory.resolve("postgres.log"),
            Durability.THROWAWAY,
            true);
    KafkaBroker kafka =
        KafkaBroker.start(
            directory.resolve("kafka"),
            KafkaBroker.Listeners.free(),
            directory.resolve("kafka.log"),
            "384m",
            Durability.THROWAWAY,
            true);
    return new ProcessInfrastructure(postgres, kafka, directory);
  }

  private static Path runDirectory() {
    try {
      Path target = Path.of("target");
      Path parent =
          Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
      return Files.createTempDirectory(parent.toAbsolutePath(), "huoshui-infra-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public PostgresEndpoint postgres() {
    return postgres.endpoint();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String description() {
    return "local processes (PostgreSQL pid %d, Kafka pid %d) under %s"
        .formatted(postgres.pid(), kafka.pid(), directory);
  }
}
