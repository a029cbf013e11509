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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** Starts, reports on and stops the processes of the local network. */
final class LocalNetwork {

  /**
   * How long a start may go without progress — a service turning healthy, or a starting service
   * writing to its log — before {@code up} gives up: on a loaded machine a start is slow, not
   * stuck, and a fixed deadline would fail it for the load alone.
   */
  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(3);

  /** A service that keeps logging but never turns healthy (a retry loop) is stuck all the same. */
  private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(15);

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Duration PROMETHEUS_READY_TIMEOUT = Duration.ofSeconds(30);

  /**
   * A single broker with the network's few thousand records a minute needs little heap; what it
   * needs is the page cache, which is not the JVM's.
   */
  private static final String KAFKA_HEAP = "256m";

  private final Layout layout;
  private final PrintStream out;
  private final Optional<Path> prometheus;
  private final ClassDataSharing classData;
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
    this.classData = new ClassDataSharing(layout);
  }

  int up(boolean demo) {
    long started = System.nanoTime();
    checkPorts();
    checkJars();
    out.printf("Huoshui: starting the network (data in %s)%n", layout.home().resolve("data"));

    // PostgreSQL, Kafka and the services' class-data preparation have nothing to wait for in each
    // other: side by side, the slowest of them sets the pace, not their sum.
    // Extracting a jar mostly waits for the disk: two at a time beside the servers' start.
    ExecutorService starting = Executors.newFixedThreadPool(4);
    Map<Component, ClassDataSharing.Launch> launches = new ConcurrentHashMap<>();
    try {
      CompletableFuture<Void> postgres = CompletableFuture.runAsync(this::startPostgres, starting);
      CompletableFuture<Void> kafka = CompletableFuture.runAsync(this::startKafka, starting);
      CompletableFuture<Void> prepared =
          CompletableFuture.allOf(
              Network.applications().stream()
                  .map(
                      a ->
                          CompletableFuture.runAsync(
                              () -> launches.put(a, classData.prepare(a)), starting))
                  .toArray(CompletableFuture[]::new));
      // Each to its end, even when another failed, so that whatever did start has its pid file
      // and the next `up` or `down` finds it.
      CompletableFuture.allOf(postgres, kafka, prepared).exceptionally(failure -> null).join();
      join(postgres);
      join(kafka);
      join(prepared);
    } finally {
      starting.shutdown();
    }

    for (Component application : Network.applications()) {
      if (running(application).isEmpty()) {
        layout.writePid(
            application, startApplication(application, launches.get(application), demo));
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
          "--demo: the banks, products and demands of docs/domain.md are loaded (once; a later run"
              + " finds them in place).");
    }
    return 0;
  }

  private void startPostgres() {
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
  }

  private void startKafka() {
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
              KAFKA_HEAP,
              Durability.DURABLE,
              false);
      layout.writePid(Network.KAFKA, kafka.pid());
    }
    Map<Component, KafkaPrincipals.Declared> principals = new LinkedHashMap<>();
    for (Component service : Network.SERVICES) {
      principals.put(service, KafkaPrincipals.declaredBy(service.jar(layout.root()).orElseThrow()));
    }
    KafkaPrincipals.provision("127.0.0.1:" + Network.KAFKA_PORT, principals);
    step("kafka", "ready; each service has its own principal and ACLs");
  }

  /** What failed while starting, as it was thrown. */
  private static void join(CompletableFuture<Void> task) {
    try {
      task.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
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

  /** With each process's proportional memory (PostgreSQL's with its backends) and their sum. */
  private void printTable() {
    out.printf("%n  %-22s %-8s %-9s %-9s %s%n", "component", "pid", "state", "memory", "address");
    long total = 0;
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
      OptionalLong pss = process.map(Memory::pssKib).orElse(OptionalLong.empty());
      total += pss.orElse(0);
      out.printf(
          "  %-22s %-8s %-9s %-9s %s%n",
          component.name(),
          process.map(p -> Long.toString(p.pid())).orElse("-"),
          state,
          pss.isPresent() ? Memory.mib(pss.getAsLong()) : "-",
          absent ? LocalPrometheus.INSTALL_HINT : component.url());
    }
    if (total > 0) {
      out.printf(
          "  %-22s %-8s %-9s %-9s %s%n",
          "in all",
          "",
          "",
          Memory.mib(total),
          "proportional set size (PSS), /proc/<pid>/smaps_rollup");
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

  private long startApplication(
      Component application, ClassDataSharing.Launch launch, boolean demo) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(application.processMarker());
    command.addAll(FOOTPRINT_OPTIONS);
    command.addAll(launch.options());
    command.addAll(javaOptions());
    command.add("-jar");
    command.add(launch.jar().toString());
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
      // glibc gives each thread that allocates an arena of its own, up to eight per core, which a
      // JVM's many threads fill with memory that is never handed back; two are enough for a JVM,
      // which allocates its objects on its own heap.
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      builder
          .environment()
          .put("HUOSHUI_KAFKA_PASSWORD", KafkaPrincipals.passwordOf(application.name()));
      // The key that seals the secrets a service stores, never on the command line.
      builder
          .environment()
          .put("HUOSHUI_SECRETS_KEY_FILE", SecretKeyFile.ensure(layout.data("secrets")).toString());
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

  /**
   * Every service, whatever HUOSHUI_JAVA_OPTS says (it comes later on the command line and wins
   * where it says otherwise): the serial collector, as six JVMs share two cores and a parallel one
   * gains nothing; native memory a quiet service freed handed back to the system each minute; and
   * caps on metaspace and compiled code, which otherwise only grow.
   */
  private static final List<String> FOOTPRINT_OPTIONS =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:MaxMetaspaceSize=192m",
          "-XX:ReservedCodeCacheSize=96m",
          "-XX:TrimNativeHeapInterval=60000",
          "-Dfile.encoding=UTF-8");

  private static List<String> javaOptions() {
    String configured = System.getenv("HUOSHUI_JAVA_OPTS");
    if (configured != null && !configured.isBlank()) {
      return List.of(configured.trim().split("\\s+"));
    }
    // C1 only: six JVMs starting at once on two cores come up in about two thirds of the time,
    // and under load a demand costs them as much CPU as with C2, which after seven minutes still
    // spends a seventh of the network's CPU compiling and holds more memory (BENCHMARKS.md).
    return List.of("-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1");
  }

  private long logSize(Component application) {
    try {
      return Files.size(layout.log(application));
    } catch (IOException e) {
      return -1;
    }
  }

  private void awaitHealthy(List<Component> applications, long started) {
    long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
    long stalledAt = System.nanoTime() + STALL_TIMEOUT.toNanos();
    Map<Component, Boolean> healthy = new LinkedHashMap<>();
    Map<Component, Long> logged = new HashMap<>();
    applications.forEach(a -> healthy.put(a, false));
    long lastReport = System.nanoTime();
    while (healthy.containsValue(false)) {
      for (Component application : applications) {
        long size = logSize(application);
        if (!healthy.get(application) && size != logged.getOrDefault(application, -1L)) {
          logged.put(application, size);
          stalledAt = System.nanoTime() + STALL_TIMEOUT.toNanos();
        }
      }
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
          stalledAt = System.nanoTime() + STALL_TIMEOUT.toNanos();
          step(
              application.name(),
              "healthy after %d s"
                  .formatted(Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        }
      }
      if (System.nanoTime() > deadline || System.nanoTime() > stalledAt) {
        throw new LaunchException(
            "not healthy (no progress for %s, or not within %s): %s. Their logs are in %s."
                .formatted(
                    STALL_TIMEOUT,
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
