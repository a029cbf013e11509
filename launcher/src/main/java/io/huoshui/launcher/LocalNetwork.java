package io.huoshui.launcher;

import io.huoshui.infrastructure.Durability;
import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.infrastructure.Ports;
import io.huoshui.infrastructure.PostgresEndpoint;
import io.huoshui.infrastructure.PostgresServer;
import io.huoshui.infrastructure.Processes;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Starts, reports on and stops the processes of the local network. */
final class LocalNetwork {

  private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration PROMETHEUS_READY_TIMEOUT = Duration.ofSeconds(30);

  private final Layout layout;
  private final PrintStream out;
  private final Optional<Path> prometheus;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  LocalNetwork(Layout layout, PrintStream out) {
    this(layout, out, LocalPrometheus.onPath(System.getenv("PATH")));
  }

  /** With the prometheus binary to start, or none to run without metrics and alerts. */
  LocalNetwork(Layout layout, PrintStream out, Optional<Path> prometheus) {
    this.layout = layout;
    this.out = out;
    this.prometheus = prometheus;
  }

  int up(boolean demo) {
    long started = System.nanoTime();
    checkPorts();
    checkJars();
    out.printf("Huoshui: starting the network (data in %s)%n", layout.home().resolve("data"));

    if (running(Network.POSTGRES).isEmpty()) {
      step("postgresql", "starting on port " + Network.POSTGRES_PORT);
      PostgresServer postgres =
          PostgresServer.start(
              layout.data("postgres"),
              Network.POSTGRES_PORT,
              layout.log(Network.POSTGRES),
              Durability.DURABLE,
              false);
      layout.writePid(Network.POSTGRES, postgres.pid());
    }
    PostgresEndpoint endpoint =
        new PostgresEndpoint(
            "localhost", Network.POSTGRES_PORT, PostgresServer.SUPERUSER, PostgresServer.SUPERUSER);
    Network.DATABASES.forEach(endpoint::createDatabaseIfMissing);
    step("postgresql", "ready, databases " + String.join(", ", Network.DATABASES));

    if (running(Network.KAFKA).isEmpty()) {
      step(
          "kafka",
          "starting on ports %d (services), %d (banks, SASL)"
              .formatted(Network.KAFKA_PORT, Network.KAFKA_SASL_PORT));
      KafkaBroker kafka =
          KafkaBroker.start(
              layout.data("kafka"),
              new KafkaBroker.Listeners(
                  Network.KAFKA_PORT, Network.KAFKA_SASL_PORT, Network.KAFKA_CONTROLLER_PORT),
              layout.log(Network.KAFKA),
              "512m",
              false);
      layout.writePid(Network.KAFKA, kafka.pid());
    }
    Map<Component, KafkaPrincipals.Topics> principals = new LinkedHashMap<>();
    for (Component service : Network.SERVICES) {
      principals.put(service, KafkaPrincipals.declaredBy(service.jar(layout.root()).orElseThrow()));
    }
    KafkaPrincipals.provision("127.0.0.1:" + Network.KAFKA_PORT, principals);
    step("kafka", "ready; each service has its own principal and ACLs");

    for (Component application : Network.applications()) {
      if (running(application).isEmpty()) {
        layout.writePid(application, startApplication(application, demo));
        step(application.name(), "starting on port " + application.port());
      }
    }
    awaitHealthy(Network.applications(), started);
    startPrometheus();

    out.println();
    out.printf(
        "Huoshui is up in %d s. The gateway: http://localhost:%d (health: http://localhost:%d/actuator/health)%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        Network.GATEWAY.port(),
        Network.GATEWAY.port());
    printTable();
    if (running(Network.PROMETHEUS).isPresent()) {
      out.printf(
          "Metrics and alerts: %s (dashboards: deploy/grafana/dashboards)%n",
          Network.PROMETHEUS.url());
    }
    out.printf("Logs: %s    Stop: ./huoshui down%n", layout.logs());
    if (demo) {
      out.println(
          "--demo: the banks, products and demands of DOMAIN.md are loaded (once; a later run"
              + " finds them in place).");
    }
    return 0;
  }

  /**
   * Stops the applications together (each drains its requests and relays on its own), then Kafka,
   * which they were still publishing to, then PostgreSQL.
   */
  int down() {
    boolean anything =
        stopTogether(
            Stream.concat(Network.applications().stream(), Stream.of(Network.PROMETHEUS)).toList());
    anything |= stopTogether(List.of(Network.KAFKA));
    anything |= stopTogether(List.of(Network.POSTGRES));
    List<String> left =
        Stream.concat(Network.all().stream(), Stream.of(Network.PROMETHEUS))
            .filter(c -> running(c).isPresent())
            .map(Component::name)
            .toList();
    if (!left.isEmpty()) {
      throw new LaunchException("still running after down: " + String.join(", ", left));
    }
    out.println(
        anything
            ? "Huoshui is down. Data kept in " + layout.home().resolve("data")
            : "Nothing was running.");
    return 0;
  }

  private boolean stopTogether(List<Component> components) {
    List<ProcessHandle> stopping = new ArrayList<>();
    for (Component component : components) {
      running(component)
          .ifPresent(
              process -> {
                out.printf("  stopping %-22s pid %d%n", component.name(), process.pid());
                process.destroy();
                stopping.add(process);
              });
    }
    stopping.forEach(process -> Processes.stop(process, STOP_GRACE));
    components.forEach(layout::forgetPid);
    return !stopping.isEmpty();
  }

  int status() {
    printTable();
    boolean allUp = started().stream().allMatch(c -> running(c).isPresent());
    return allUp ? 0 : 3;
  }

  /** What `up` starts here: the network, and Prometheus where it is installed. */
  private List<Component> started() {
    return prometheus.isPresent()
        ? Stream.concat(Network.all().stream(), Stream.of(Network.PROMETHEUS)).toList()
        : Network.all();
  }

  private void printTable() {
    out.printf("%n  %-22s %-8s %-9s %s%n", "component", "pid", "state", "address");
    for (Component component :
        Stream.concat(Network.all().stream(), Stream.of(Network.PROMETHEUS)).toList()) {
      Optional<ProcessHandle> process = running(component);
      boolean absent = component == Network.PROMETHEUS && process.isEmpty() && prometheus.isEmpty();
      String state =
          absent
              ? "absent"
              : process.isEmpty()
                  ? "stopped"
                  : component.kind() == Component.Kind.SERVICE
                      ? (healthy(component) ? "healthy" : "starting")
                      : "running";
      out.printf(
          "  %-22s %-8s %-9s %s%n",
          component.name(),
          process.map(p -> Long.toString(p.pid())).orElse("-"),
          state,
          absent ? LocalPrometheus.INSTALL_HINT : component.url());
    }
    out.println();
  }

  /**
   * After the applications are healthy, so that its first scrapes find them up. Monitoring is
   * optional: without the binary, or when it fails to start, the network runs on and `up` says so.
   */
  private void startPrometheus() {
    if (running(Network.PROMETHEUS).isPresent()) {
      return;
    }
    if (prometheus.isEmpty()) {
      step(Network.PROMETHEUS.name(), LocalPrometheus.INSTALL_HINT);
      return;
    }
    if (Ports.inUse(Network.PROMETHEUS_PORT)) {
      step(
          Network.PROMETHEUS.name(),
          "not started: port %d is taken by another program (ss -ltnp | grep %d)"
              .formatted(Network.PROMETHEUS_PORT, Network.PROMETHEUS_PORT));
      return;
    }
    step(Network.PROMETHEUS.name(), "starting on port " + Network.PROMETHEUS_PORT);
    LocalPrometheus server = new LocalPrometheus(prometheus.get(), layout, Network.PROMETHEUS);
    Process process = server.start();
    layout.writePid(Network.PROMETHEUS, process.pid());
    if (server.awaitReady(process, PROMETHEUS_READY_TIMEOUT)) {
      step(Network.PROMETHEUS.name(), "ready, scraping every service, alert rules loaded");
    } else {
      step(
          Network.PROMETHEUS.name(),
          "%s; the network runs without it. The end of %s:%n%s"
              .formatted(
                  process.isAlive() ? "not ready within " + PROMETHEUS_READY_TIMEOUT : "exited",
                  layout.log(Network.PROMETHEUS),
                  Processes.tail(layout.log(Network.PROMETHEUS), 10)));
    }
  }

  /** The component's live process, recognised by its pid file and its command line. */
  Optional<ProcessHandle> running(Component component) {
    Optional<Long> pid =
        component.kind() == Component.Kind.POSTGRES
            ? PostgresServer.postmasterPid(layout.data("postgres"))
            : layout.readPid(component);
    return pid.flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                process
                    .info()
                    .commandLine()
                    .map(c -> c.contains(component.processMarker()))
                    .orElse(true));
  }

  private void checkJars() {
    List<String> missing =
        Network.applications().stream()
            .map(c -> c.jar(layout.root()).orElseThrow())
            .filter(jar -> !Files.isRegularFile(jar))
            .map(Path::toString)
            .toList();
    if (!missing.isEmpty()) {
      throw new LaunchException(
          "not built: %s. Build with ./mvnw -DskipTests package (./huoshui up does it when a jar is missing)."
              .formatted(String.join(", ", missing)));
    }
  }

  private void checkPorts() {
    List<String> taken = new ArrayList<>();
    for (Component component : Network.all()) {
      if (running(component).isPresent()) {
        continue;
      }
      for (int port : component.ports()) {
        if (Ports.inUse(port)) {
          taken.add("%d (%s)".formatted(port, component.name()));
        }
      }
    }
    if (!taken.isEmpty()) {
      throw new LaunchException(
          """
          port %s already in use by another program.
          Huoshui's ports are fixed (README, "Ports"). Find the program with `ss -ltnp | grep <port>`, \
          stop it, and run ./huoshui up again."""
              .formatted(String.join(", ", taken)));
    }
  }

  private long startApplication(Component application, boolean demo) {
    Path jar = application.jar(layout.root()).orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(application.processMarker());
    command.addAll(javaOptions());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(application.arguments());
    if (demo) {
      command.add("--huoshui.demo=true");
    }
    try {
      Files.createDirectories(layout.logs());
      ProcessBuilder builder = new ProcessBuilder(command);
      // Through the environment, not the command line, so that a process listing shows no secret.
      builder
          .environment()
          .put("HUOSHUI_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Network.KAFKA_SASL_PORT);
      builder.environment().put("HUOSHUI_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
      builder
          .environment()
          .put("HUOSHUI_KAFKA_PASSWORD", KafkaPrincipals.passwordOf(application.name()));
      Process process =
          builder
              .directory(layout.root().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(application).toFile()))
              .start();
      return process.pid();
    } catch (IOException e) {
      throw new LaunchException("could not start " + application.name() + ": " + e.getMessage());
    }
  }

  private static List<String> javaOptions() {
    String configured = System.getenv("HUOSHUI_JAVA_OPTS");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured.trim().split("\\s+"));
    }
    // C1 only: five JVMs starting at once on two cores come up in about two thirds of the time.
    // Benchmarks want full JIT: they set HUOSHUI_JAVA_OPTS without -XX:TieredStopAtLevel=1.
    return List.of(
        "-Xms64m",
        "-Xmx256m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Dfile.encoding=UTF-8");
  }

  private void awaitHealthy(List<Component> applications, long started) {
    long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
    Map<Component, Boolean> healthy = new LinkedHashMap<>();
    applications.forEach(a -> healthy.put(a, false));
    long lastReport = System.nanoTime();
    while (healthy.containsValue(false)) {
      for (Component application : applications) {
        if (healthy.get(application)) {
          continue;
        }
        if (running(application).isEmpty()) {
          throw new LaunchException(
              "%s exited while starting; the end of %s:%n%s%nFix the cause, then run ./huoshui up again (what runs already stays up)."
                  .formatted(
                      application.name(),
                      layout.log(application),
                      Processes.tail(layout.log(application), 30)));
        }
        if (healthy(application)) {
          healthy.put(application, true);
          step(
              application.name(),
              "healthy after %d s"
                  .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new LaunchException(
            "not healthy within %s: %s. Their logs are in %s."
                .formatted(
                    HEALTH_TIMEOUT,
                    healthy.entrySet().stream()
                        .filter(e -> !e.getValue())
                        .map(e -> e.getKey().name())
                        .toList(),
                    layout.logs()));
      }
      if (healthy.containsValue(false)
          && System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
        lastReport = System.nanoTime();
        out.printf(
            "  … waiting for %s%n",
            String.join(
                ", ",
                healthy.entrySet().stream()
                    .filter(e -> !e.getValue())
                    .map(e -> e.getKey().name())
                    .toList()));
      }
      sleep(Duration.ofMillis(500));
    }
  }

  private boolean healthy(Component application) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(application.healthUrl()))
                  .timeout(Duration.ofSeconds(3))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void step(String component, String message) {
    out.printf("  %-22s %s%n", component, message);
    out.flush();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted");
    }
  }
}
