package io.huoshui.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole network, started once per test JVM by {@code ./huoshui up --demo} — the command a user
 * runs — in a home of its own under target/, and brought down once the last test class has run
 * ({@link NetworkDown}), or when the JVM exits if the run is cut short. The drills break its parts
 * the way machines break: a SIGKILL, a broker restart.
 */
final class SystemNetwork {

  static final String GATEWAY = "http://localhost:8080";
  static final String BANK_KAFKA = "127.0.0.1:9094";
  static final String POSTGRES_JDBC = "jdbc:postgresql://localhost:15432/";

  /**
   * Given to every process of the network under test. A consumer that is SIGKILLed never leaves its
   * group: the broker holds its partitions until its session times out, 45 s by default, and a
   * restarted service joining meanwhile waits out a rebalance led by the dead member (a drill's
   * restart took 80 s to get its partitions back, most of it idle). With 10 s, heartbeats every 3 s
   * still leave room for a loaded machine, and a killed service's partitions are free by the time
   * its successor has started. The county's webhook receiver of the seed story listens on this
   * machine's loopback, which notification-service refuses unless the network is allowed: the
   * allow-list that local development names on purpose.
   */
  private static final Map<String, String> NETWORK_ENVIRONMENT =
      Map.of(
          "SPRING_APPLICATION_JSON",
          "{\"spring.kafka.consumer.properties.session.timeout.ms\":10000,"
              + "\"huoshui.webhooks.allowed-networks\":\"127.0.0.1/32\"}");

  private static SystemNetwork instance;
  private static boolean down;

  private final Path root;
  private final Path home;

  private SystemNetwork(Path root, Path home) {
    this.root = root;
    this.home = home;
  }

  static synchronized SystemNetwork get() {
    if (instance == null) {
      Path root = Path.of("..").toAbsolutePath().normalize();
      Path home = Path.of("target", "network").toAbsolutePath();
      instance = new SystemNetwork(root, home);
      if (Files.isDirectory(home.resolve("run"))) {
        // A run that was killed before its shutdown hook left its network up, on the ports this
        // one needs; its pid files say what it started, and nothing else is stopped.
        instance.down();
      }
      deleteRecursively(home);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(SystemNetwork::downOnce, "system-network-down"));
      instance.up(Map.of());
    } else if (down) {
      // A test plan that ended before this class (a runner that runs each class as a plan of its
      // own) took the network down: bring it back rather than test a network that is not there.
      down = false;
      instance.up(Map.of());
    }
    return instance;
  }

  /**
   * Brings the network down if this JVM started it and nobody has yet. Surefire gives a test JVM 30
   * seconds from its last test to exit and then kills it, while a graceful {@code ./huoshui down}
   * can take longer than that; the last test class's end is where the network must go.
   */
  static synchronized void downOnce() {
    if (instance != null && !down) {
      down = true;
      instance.down();
    }
  }

  /**
   * {@code ./huoshui up --demo}: starts whatever is not running, returns when all is healthy.
   *
   * @param environment extra environment of the processes this call starts (e.g. {@code
   *     HUOSHUI_JAVA_OPTS})
   */
  void up(Map<String, String> environment) {
    run(List.of("up", "--demo"), environment, Duration.ofMinutes(16));
  }

  void down() {
    run(List.of("down"), Map.of(), Duration.ofMinutes(2));
  }

  /** SIGKILL: no shutdown hook, no draining, the process is simply gone. */
  void kill(String component) {
    pid(component)
        .flatMap(ProcessHandle::of)
        .ifPresent(
            process -> {
              process.destroyForcibly();
              process.onExit().join();
            });
  }

  /** SIGTERM, as an operator's restart sends, and wait until it has exited. */
  void stop(String component) {
    pid(component)
        .flatMap(ProcessHandle::of)
        .ifPresent(
            process -> {
              process.destroy();
              try {
                process.onExit().get(60, TimeUnit.SECONDS);
              } catch (Exception e) {
                process.destroyForcibly();
              }
            });
  }

  boolean isRunning(String component) {
    return pid(component).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
  }

  Path logOf(String component) {
    return home.resolve("logs").resolve(component + ".log");
  }

  private Optional<Long> pid(String component) {
    Path file = home.resolve("run").resolve(component + ".pid");
    try {
      return Files.exists(file)
          ? Optional.of(Long.parseLong(Files.readString(file).trim()))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(List<String> arguments, Map<String, String> environment, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("huoshui").toString());
    command.addAll(arguments);
    Path output = Path.of("target", "huoshui-" + arguments.get(0) + ".log").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().put("HUOSHUI_HOME", home.toString());
    builder.environment().putAll(NETWORK_ENVIRONMENT);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "./huoshui %s did not finish within %s; see %s".formatted(arguments, timeout, output));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./huoshui %s failed (exit %d); see %s and the logs in %s"
                .formatted(arguments, process.exitValue(), output, home.resolve("logs")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
