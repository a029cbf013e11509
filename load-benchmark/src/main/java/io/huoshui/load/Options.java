package io.huoshui.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** What to drive and where; every option has a default that fits {@code ./huoshui up --demo}. */
record Options(
    URI gateway,
    URI nginx,
    String bankKafka,
    List<Double> rates,
    Duration duration,
    Duration warmUp,
    Duration rest,
    Duration drain,
    int probeConcurrency,
    Duration probeDuration,
    Path home,
    Path nginxPidFile,
    Path report,
    Double upSeconds,
    String command,
    String javaOptions) {

  static final String USAGE =
      """
      usage: java -jar load-benchmark.jar [options]
        --rates N,N,...        demands per second offered, open loop, one step each, in this order
                               (default 10,50,100,200)
        --duration S           seconds per step, half of them through each path (default 60)
        --warm-up S            seconds driven through each path at the first rate before the
                               steps, not measured (default 60)
        --rest S               seconds at rest before the first step, to measure the network
                               idle (default 10)
        --drain S              longest wait after a step for its last match proposals and bank
                               answers (default 60)
        --probe-concurrency N  closed-loop submitters of the capacity probe at the end; 0 skips it
                               (default 64)
        --probe-duration S     seconds of the probe per path (default 20)
        --gateway URL          the gateway (default http://localhost:8080)
        --nginx URL            nginx in front of project-service; "none" drives the gateway only
                               (default http://127.0.0.1:8090)
        --nginx-pid FILE       nginx's pid file, to sample its CPU and memory
        --kafka HOST:PORT      the SASL listener the banks read from (default 127.0.0.1:9094)
        --home DIR             the local run's directory (default $HUOSHUI_HOME or ./.huoshui)
        --report FILE          where the Markdown report goes besides standard output
                               (default load-benchmark/target/load-report.md)
        --up-seconds S         how long ./huoshui up took, measured by the caller, to print
        --command TEXT         the command line the caller ran, to print
        --java-options TEXT    the services' HUOSHUI_JAVA_OPTS the caller started them with, to
                               print; empty when it started them with the launcher's own
      """;

  static Options parse(String... args) {
    URI gateway = URI.create("http://localhost:8080");
    URI nginx = URI.create("http://127.0.0.1:8090");
    String kafka = "127.0.0.1:9094";
    List<Double> rates = List.of(10.0, 50.0, 100.0, 200.0);
    Duration duration = Duration.ofSeconds(60);
    // Long enough for the services' C1 compilations of the hot paths, as `up` runs them, to settle
    // (the JIT compiler's share of a step is in the report); after 10 s they still ran, and the
    // first steps counted them as CPU per demand.
    Duration warmUp = Duration.ofSeconds(60);
    Duration rest = Duration.ofSeconds(10);
    Duration drain = Duration.ofSeconds(60);
    int probeConcurrency = 64;
    Duration probeDuration = Duration.ofSeconds(20);
    String homeVariable = System.getenv("HUOSHUI_HOME");
    Path home = Path.of(homeVariable == null || homeVariable.isBlank() ? ".huoshui" : homeVariable);
    Path nginxPid = null;
    Path report = Path.of("load-benchmark/target/load-report.md");
    Double upSeconds = null;
    String command = null;
    String javaOptions = null;
    Deque<String> remaining = new ArrayDeque<>(Arrays.asList(args));
    while (!remaining.isEmpty()) {
      String option = remaining.pop();
      if (option.equals("--help")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (remaining.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      String value = remaining.pop();
      switch (option) {
        case "--rates" -> rates = rates(value);
        case "--duration" ->
            duration = seconds(option, positive(option, Double.parseDouble(value)));
        case "--warm-up" -> warmUp = seconds(option, Double.parseDouble(value));
        case "--rest" -> rest = seconds(option, Double.parseDouble(value));
        case "--drain" -> drain = seconds(option, Double.parseDouble(value));
        case "--probe-concurrency" -> probeConcurrency = Integer.parseInt(value);
        case "--probe-duration" ->
            probeDuration = seconds(option, positive(option, Double.parseDouble(value)));
        case "--gateway" -> gateway = URI.create(value);
        case "--nginx" -> nginx = "none".equals(value) ? null : URI.create(value);
        case "--nginx-pid" -> nginxPid = Path.of(value);
        case "--kafka" -> kafka = value;
        case "--home" -> home = Path.of(value);
        case "--report" -> report = Path.of(value);
        case "--up-seconds" -> upSeconds = Double.parseDouble(value);
        case "--command" -> command = value;
        case "--java-options" -> javaOptions = value;
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    return new Options(
        gateway,
        nginx,
        kafka,
        rates,
        duration,
        warmUp,
        rest,
        drain,
        probeConcurrency,
        probeDuration,
        home,
        nginxPid,
        report,
        upSeconds,
        command,
        javaOptions);
  }

  private static List<Double> rates(String value) {
    List<Double> rates =
        Arrays.stream(value.split(","))
            .map(String::trim)
            .map(Double::parseDouble)
            .map(rate -> positive("--rates", rate))
            .toList();
    if (rates.isEmpty()) {
      throw new IllegalArgumentException("--rates needs at least one rate");
    }
    return rates;
  }

  private static Duration seconds(String option, double seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(option + " must not be negative, not " + seconds);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static double positive(String option, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(option + " must be above 0, not " + value);
    }
    return value;
  }
}
