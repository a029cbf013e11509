package io.huoshui.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load benchmark of BENCHMARKS.md against a running local network: counties submit demand at a
 * fixed rate, banks answer every match from their own topics, and the same load goes through the
 * gateway and through nginx straight to project-service. tools/load/run starts and stops around it.
 */
public final class LoadBenchmark {

  /** One way to project-service and what it measured. */
  record Target(String label, URI base, PathStats stats) {}

  private LoadBenchmark() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(options);
    } catch (IllegalStateException e) {
      System.err.println("load: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(Options options) throws InterruptedException {
    Instant started = Instant.now();
    String loadAtStart = Report.loadAverage();
    HttpClient http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1 with keep-alive, as nginx's upstream speaks; no h2c upgrade attempts.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ObjectMapper json = JsonMapper.builder().build();
    Tokens tokens = new Tokens(http, json, options.gateway());
    // Every token now: a network that is not up fails here, before anything is measured.
    DemandMix.COUNTIES.forEach(county -> tokens.bearer(DemandMix.countyClient(county)));
    DemandMix.BANKS.forEach(bank -> tokens.bearer(DemandMix.bankClient(bank)));

    List<Target> targets = new ArrayList<>();
    targets.add(new Target("gateway", options.gateway(), new PathStats("gateway")));
    if (options.nginx() != null) {
      targets.add(new Target("nginx", options.nginx(), new PathStats("nginx")));
    }
    Ledger ledger = new Ledger();
    Answers answers = new Answers(http, json, tokens, options.gateway(), ledger);
    Submitter submitter = new Submitter(http, json, tokens, new DemandMix(json), ledger);
    BankDesks desks = BankDesks.open(options.bankKafka(), DemandMix.BANKS, json, ledger, answers);
    try {
      desks.awaitAssigned(Duration.ofSeconds(60));
      PathStats warmUp = new PathStats("warm-up");
      for (Target target : targets) {
        progress("warming up through %s for %s", target.label(), options.warmUp());
        OpenLoop.run(
            options.rate(),
            options.warmUp(),
            options.senders(),
            due -> submitter.submit(target.base(), warmUp, due));
      }
      for (Target target : phases(targets)) {
        Duration half = targets.size() == 1 ? options.duration() : options.duration().dividedBy(2);
        progress("measuring through %s for %s", target.label(), half);
        long active =
            OpenLoop.run(
                options.rate(),
                half,
                options.senders(),
                due -> submitter.submit(target.base(), target.stats(), due));
        target.stats().active(active);
      }
      progress("waiting for the last match proposals (at most %s)", options.drain());
      awaitProposals(ledger, options.drain());
      answers.finish(Duration.ofSeconds(30));
    } finally {
      desks.close();
    }
    Ledger.Settlement settlement = ledger.settle();
    new Report(System.out)
        .print(
            started,
            loadAtStart,
            options,
            targets,
            answers,
            desks.failures(),
            settlement,
            ProcessMemory.of(options.home(), options.nginxPidFile()));
  }

  /**
   * Gateway, nginx, nginx, gateway (ABBA), half the duration each: whatever drifts in a linear way
   * during the run (the JIT warming further, tables growing) weighs on both paths alike.
   */
  static List<Target> phases(List<Target> targets) {
    if (targets.size() == 1) {
      return targets;
    }
    return List.of(targets.get(0), targets.get(1), targets.get(1), targets.get(0));
  }

  /**
   * Until every accepted demand has had a proposal and none arrived for five seconds (a demand's
   * further banks follow its first closely), or the limit.
   */
  private static void awaitProposals(Ledger ledger, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long quiet = Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline
        && (ledger.awaitingProposal() > 0 || ledger.nanosSinceLastProposal() < quiet)) {
      Thread.sleep(250);
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf("load: " + format + "%n", args);
  }
}
