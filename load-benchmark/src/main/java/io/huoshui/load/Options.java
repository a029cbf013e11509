package io.huoshui.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** What to drive and where; every option has a default that fits {@code ./huoshui up --demo}. */
record Options(
    URI gateway,
    URI nginx,
    String bankKafka,
    double rate,
    Duration duration,
    Duration warmUp,
    int senders,
    Duration drain,
    Path home,
    Path nginxPidFile,
    Double upSeconds) {

  static final String USAGE =
      """
      usage: java -jar load-benchmark.jar [options]
        --rate N            demands per second offered, open loop (default 10)
        --duration S        seconds measured per path (default 60)
        --warm-up S         seconds driven through each path before measuring (default 10)
        --senders N         sender threads (default 16)
        --gateway URL       the gateway (default http://localhost:8080)
        --nginx URL         nginx in front of project-service; "none" skips the comparison
                            (default http://127.0.0.1:8090)
        --nginx-pid FILE    nginx's pid file, to report its memory
        --kafka HOST:PORT   the SASL listener the banks read from (default 127.0.0.1:9094)
        --drain S           longest wait for the last match proposals after the load (default 60)
        --home DIR          the local run's directory (default $HUOSHUI_HOME or ./.huoshui)
        --up-seconds S      how long ./huoshui up took, measured by the caller, to print with the rest
      """;

  static Options parse(String... args) {
    URI gateway = URI.create("http://localhost:8080");
    URI nginx = URI.create("http://127.0.0.1:8090");
    String kafka = "127.0.0.1:9094";
    double rate = 10;
    Duration duration = Duration.ofSeconds(60);
    Duration warmUp = Duration.ofSeconds(10);
    int senders = 16;
    Duration drain = Duration.ofSeconds(60);
    String homeVariable = System.getenv("HUOSHUI_HOME");
    Path home = Path.of(homeVariable == null || homeVariable.isBlank() ? ".huoshui" : homeVariable);
    Path nginxPid = null;
    Double upSeconds = null;
    Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
    while (!rest.isEmpty()) {
      String option = rest.pop();
      if (option.equals("--help")) {
        throw new IllegalArgumentException(USAGE);
      }
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
      }
      String value = rest.pop();
      switch (option) {
        case "--rate" -> rate = positive(option, Double.parseDouble(value));
        case "--duration" -> duration = seconds(option, value);
        case "--warm-up" ->
            warmUp = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        case "--senders" -> senders = (int) positive(option, Integer.parseInt(value));
        case "--gateway" -> gateway = URI.create(value);
        case "--nginx" -> nginx = "none".equals(value) ? null : URI.create(value);
        case "--nginx-pid" -> nginxPid = Path.of(value);
        case "--kafka" -> kafka = value;
        case "--drain" -> drain = seconds(option, value);
        case "--home" -> home = Path.of(value);
        case "--up-seconds" -> upSeconds = Double.parseDouble(value);
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    return new Options(
        gateway, nginx, kafka, rate, duration, warmUp, senders, drain, home, nginxPid, upSeconds);
  }

  private static Duration seconds(String option, String value) {
    return Duration.ofMillis(Math.round(positive(option, Double.parseDouble(value)) * 1000));
  }

  private static double positive(String option, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(option + " must be above 0, not " + value);
    }
    return value;
  }
}
