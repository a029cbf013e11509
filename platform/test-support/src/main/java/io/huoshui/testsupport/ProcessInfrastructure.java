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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
    // the disk, and the tests run faster without an fsync per commit. They start side by side:
    // each spends most of its start-up in a process of its own (initdb, Kafka's storage format),
    // so a test JVM waits for the slower of the two rather than for both in turn.
    KafkaBroker.Listeners listeners = KafkaBroker.Listeners.free();
    int postgresPort = Ports.free();
    CompletableFuture<KafkaBroker> kafka =
        CompletableFuture.supplyAsync(
            () ->
                KafkaBroker.start(
                    directory.resolve("kafka"),
                    listeners,
                    directory.resolve("kafka.log"),
                    "384m",
                    Durability.THROWAWAY,
                    true),
            runnable -> new Thread(runnable, "kafka-broker-start").start());
    PostgresServer postgres =
        PostgresServer.start(
            directory.resolve("postgres"),
            postgresPort,
            directory.resolve("postgres.log"),
            Durability.THROWAWAY,
            true);
    return new ProcessInfrastructure(postgres, awaitBroker(kafka), directory);
  }

  private static KafkaBroker awaitBroker(CompletableFuture<KafkaBroker> kafka) {
    try {
      return kafka.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
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
