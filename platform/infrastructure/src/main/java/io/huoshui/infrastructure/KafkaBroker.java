package io.huoshui.infrastructure;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka's own KRaft broker (combined broker and controller) from its Maven Central jars,
 * started as a process of its own. Tests stop it when their JVM exits; the local run leaves it
 * running and stops it by its process id.
 */
public final class KafkaBroker implements AutoCloseable {

  /**
   * First on the broker's command line, where a process listing that cuts the long class path still
   * shows it: how the local run recognises its broker.
   */
  public static final String PROCESS_MARKER = "-Dhuoshui.component=kafka";

  private static final String CLASS_PATH_RESOURCE = "io/huoshui/kafka/broker.classpath";

  /**
   * How long a start may take before it counts as failed: long, as two cores shared with a build's
   * other JVMs can make a start that takes 5 s on a quiet machine take a minute and more.
   */
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  /**
   * The broker's loopback ports: PLAINTEXT for the broker itself and for whoever administers it
   * from this machine (the launcher provisioning principals, a test), SASL_PLAINTEXT (SCRAM) for
   * the services and the banks, each a principal that the ACLs confine to its own topics and group,
   * and the KRaft controller's.
   */
  public record Listeners(int plaintext, int sasl, int controller) {

    /** Ports that were free a moment ago, for a broker of a test's own. */
    public static Listeners free() {
      return new Listeners(Ports.free(), Ports.free(), Ports.free());
    }
  }

  /** How banks authenticate on the SASL listener. */
  public static final String SASL_MECHANISM = "SCRAM-SHA-512";

  private final Process process;
  private final Listeners listeners;

  private KafkaBroker(Process process, Listeners listeners) {
    this.process = process;
    this.listeners = listeners;
  }

  /** A test's broker, whose data is thrown away: see {@link Durability#THROWAWAY}. */
  public static KafkaBroker start(
      Path dataDirectory,
      Listeners listeners,
      Path logFile,
      String maxHeap,
      boolean stopWithThisJvm) {
    return start(dataDirectory, listeners, logFile, maxHeap, Durability.THROWAWAY, stopWithThisJvm);
  }

  /**
   * Formats the storage on first use and starts the broker; returns once it answers.
   *
   * @param durability {@link Durability#DURABLE}: every append is flushed to disk before the broker
   *     acknowledges it, as a single broker has no replica to recover from after a power cut;
   *     {@link Durability#THROWAWAY}: the operating system writes the page cache back when it will
   *     (Kafka's default)
   * @param stopWithThisJvm true for tests; false for the local run, where the broker outlives the
   *     launcher
   */
  public static KafkaBroker start(
      Path dataDirectory,
      Listeners listeners,
      Path logFile,
      String maxHeap,
      Durability durability,
      boolean stopWithThisJvm) {
    try {
      Files.createDirectories(dataDirectory);
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Path properties = writeConfiguration(dataDirectory, listeners, durability);
      String classPath = brokerClassPath();
      if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
        format(classPath, properties, logFile);
      }
      List<String> command =
          javaCommand(
              classPath,
              maxHeap,
              stopWithThisJvm,
              dataDirectory,
              "kafka.Kafka",
              properties.toString());
      ProcessBuilder builder = new ProcessBuilder(command);
      // glibc's arenas, up to eight per core for a JVM's many threads, hold native memory that is
      // never handed back; the broker allocates its records on its heap and in the page cache.
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      KafkaBroker broker = new KafkaBroker(process, listeners);
      if (stopWithThisJvm) {
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
      }
      broker.awaitReady(logFile);
      return broker;
    } catch (IOException e) {
      throw new InfrastructureException(
          "Kafka did not start on port %d (its log: %s): %s"
              .formatted(listeners.plaintext(), logFile, e),
          e);
    }
  }

  /** The PLAINTEXT listener: the administrator's, and a single service test's. */
  public String bootstrapServers() {
    return "127.0.0.1:" + listeners.plaintext();
  }

  /** The SASL/SCRAM listener, for the services and the banks. */
  public String saslBootstrapServers() {
    return "127.0.0.1:" + listeners.sasl();
  }

  public long pid() {
    return process.pid();
  }

  /** Stops the broker cleanly (SIGTERM lets it flush and close its logs), forcibly if it hangs. */
  @Override
  public void close() {
    Processes.stop(process.toHandle(), Duration.ofSeconds(30));
  }

  private void awaitReady(Path logFile) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        if (!process.isAlive()) {
          throw new InfrastructureException(
              "Kafka exited with status %d while starting on %s; its log %s ends with:%n%s"
                  .formatted(process.exitValue(), listeners, logFile, Processes.tail(logFile, 25)));
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException notYet) {
          // still starting
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InfrastructureException("interrupted while waiting for Kafka", e);
        }
        if (Instant.now().isAfter(deadline)) {
          close();
          throw new InfrastructureException(
              "Kafka did not answer on %s within %s; its log %s ends with:%n%s"
                  .formatted(listeners, READY_TIMEOUT, logFile, Processes.tail(logFile, 25)));
        }
        sleep(Duration.ofMillis(250));
      }
    }
  }

  private static void format(String classPath, Path properties, Path logFile) throws IOException {
    List<String> command =
        javaCommand(
            classPath,
            "256m",
            true,
            properties.getParent(),
            "kafka.tools.StorageTool",
            "format",
            "--standalone",
            "--ignore-formatted",
            "--cluster-id",
            Uuid.randomUuid().toString(),
            "--config",
            properties.toString());
    Process format =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    try {
      if (!format.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new InfrastructureException(
            "Formatting Kafka storage failed; %s ends with:%n%s"
                .formatted(logFile, Processes.tail(logFile, 25)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while formatting Kafka storage", e);
    }
  }

  private static Path writeConfiguration(
      Path dataDirectory, Listeners listeners, Durability durability) throws IOException {
    String server =
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.bootstrap.servers=127.0.0.1:" + listeners.controller(),
            "listeners=PLAINTEXT://127.0.0.1:%d,SASL_PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d"
                .formatted(listeners.plaintext(), listeners.sasl(), listeners.controller()),
            "advertised.listeners=PLAINTEXT://127.0.0.1:%d,SASL_PLAINTEXT://127.0.0.1:%d"
                .formatted(listeners.plaintext(), listeners.sasl()),
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
            "sasl.enabled.mechanisms=" + SASL_MECHANISM,
            "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            // The loopback PLAINTEXT and controller listeners authenticate nobody: what connects
            // there is the broker itself or its administrator on this machine. Services and banks
            // come in over SASL and get only what their ACLs allow.
            "super.users=User:ANONYMOUS",
            "allow.everyone.if.no.acl.found=false",
            "log.dirs=" + dataDirectory.resolve("logs").toAbsolutePath(),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            "log.retention.hours=168",
            durability == Durability.DURABLE ? "log.flush.interval.messages=1" : "",
            "");
    String log4j =
        String.join(
            "\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = out",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "");
    Path properties = dataDirectory.resolve("server.properties");
    Files.writeString(properties, server, StandardCharsets.UTF_8);
    Files.writeString(dataDirectory.resolve("log4j2.properties"), log4j, StandardCharsets.UTF_8);
    return properties;
  }

  /**
   * @param shortLived the storage tool and a test's broker: C1 alone, which halves their start-up
   *     on a busy machine (the storage tool: 6.5 s to 3.2 s at a load of 18 on two cores), because
   *     C2 compiles the start-up code for a peak speed they never run long enough to use. The local
   *     run's broker runs for days and keeps both compilers.
   */
  private static List<String> javaCommand(
      String classPath,
      String maxHeap,
      boolean shortLived,
      Path dataDirectory,
      String mainClass,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(PROCESS_MARKER, "-Xms" + maxHeap, "-Xmx" + maxHeap, "-XX:+UseSerialGC"));
    if (shortLived) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(
        List.of(
            "-Djava.awt.headless=true",
            "-Dlog4j2.configurationFile=" + dataDirectory.resolve("log4j2.properties"),
            "-cp",
            classPath,
            mainClass));
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** The broker's jars, resolved by Maven into the huoshui-kafka-broker artifact. */
  static String brokerClassPath() {
    try (InputStream in =
        KafkaBroker.class.getClassLoader().getResourceAsStream(CLASS_PATH_RESOURCE)) {
      if (in == null) {
        throw new InfrastructureException(
            "huoshui-kafka-broker is not on the class path; build it with ./mvnw -pl platform/kafka-broker package");
      }
      String classPath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      List<String> missing =
          Arrays.stream(classPath.split(File.pathSeparator))
              .filter(jar -> !Files.exists(Path.of(jar)))
              .toList();
      if (!missing.isEmpty()) {
        throw new InfrastructureException(
            "Kafka's jars are missing from the local Maven repository (first: %s); rebuild with ./mvnw -pl platform/kafka-broker -am install"
                .formatted(missing.get(0)));
      }
      return classPath;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while waiting for Kafka", e);
    }
  }
}
