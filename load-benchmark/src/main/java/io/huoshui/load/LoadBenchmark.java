package io.huoshui.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load benchmark of BENCHMARKS.md against a running local network: counties submit demand in
 * steps of rising rate, open loop, each step through the gateway and through nginx straight to
 * project-service; banks answer every match from their own topics; each step is drained before the
 * next; a closed-loop probe of both paths ends the run. tools/load/run starts and stops around it.
 */
public final class LoadBenchmark {

  /** One way to project-service. */
  record Target(String label, URI base) {}

  /** A measured rate step and what the network spent on it. */
  record StepResult(
      Step step,
      OpenLoop.Offer offer,
      Duration drained,
      long undrained,
      List<Usage> usage,
      boolean bounded,
      Verdict verdict) {}

  /** One path's closed-loop probe. */
  record ProbeResult(Target target, Step step, long undrained) {}

  /** The network idle before the first step: CPU over {@code duration}, PSS at its end. */
  record Rest(Duration duration, List<Usage> usage) {}

  /**
   * How long a send may still be answered after the last one was due (the requests' own timeout is
   * 30 s).
   */
  private static final Duration PATIENCE = Duration.ofSeconds(35);

  /**
   * A step has drained once every demand has a proposal and none has come for this long: a demand's
   * further banks follow its first closely.
   */
  private static final Duration QUIET = Duration.ofSeconds(2);

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
    AtomicInteger threads = new AtomicInteger();
    // The client's own work (connections, answers, their continuations) on a few threads; the
    // sends themselves are started by one scheduling thread and never wait for an answer.
    ExecutorService clientThreads =
        Executors.newFixedThreadPool(
            4,
            task -> {
              Thread thread = new Thread(task, "http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpClient http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1 with keep-alive, as nginx's upstream speaks; no h2c upgrade attempts.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(clientThreads)
            .build();
    ObjectMapper json = JsonMapper.builder().build();
    Tokens tokens = new Tokens(http, json, options.gateway());
    // Every token now: a network that is not up fails here, before anything is measured.
    DemandMix.COUNTIES.forEach(county -> tokens.bearer(DemandMix.countyClient(county)));
    DemandMix.BANKS.forEach(bank -> tokens.bearer(DemandMix.bankClient(bank)));

    List<Target> targets = new ArrayList<>();
    targets.add(new Target("gateway", options.gateway()));
    if (options.nginx() != null) {
      targets.add(new Target("nginx", options.nginx()));
    }
    List<String> labels = targets.stream().map(Target::label).toList();
    Processes processes = Processes.of(options.home(), options.nginxPidFile());
    ServiceMeters meters = new ServiceMeters(http);
    Ledger ledger = new Ledger();
    Answers answers = new Answers(http, json, tokens, options.gateway(), ledger);
    Submitter submitter = new Submitter(http, json, tokens, new DemandMix(json), ledger);
    BankDesks desks = BankDesks.open(options.bankKafka(), DemandMix.BANKS, json, ledger, answers);
    List<StepResult> steps = new ArrayList<>();
    List<ProbeResult> probes = new ArrayList<>();
    Rest rest;
    try {
      desks.awaitAssigned(Duration.ofSeconds(60));
      double firstRate = options.rates().get(0);
      if (!options.warmUp().isZero()) {
        Step warmUp =
            new Step("warm-up", firstRate, options.warmUp().multipliedBy(targets.size()), labels);
        progress(
            "warming up at %s demands/s for %s per path",
            Report.number(firstRate), options.warmUp());
        openLoop(warmUp, targets, submitter);
        drain(ledger, answers, warmUp, options.drain());
      }
      rest = rest(processes, meters, options.rest());
      for (double rate : options.rates()) {
        Step step = new Step(Report.number(rate) + " demands/s", rate, options.duration(), labels);
        progress(
            "step %s for %s, then drained (at most %s)",
            step.name(), options.duration(), options.drain());
        Map<String, Processes.Sample> before = processes.sample();
        Map<String, ServiceMeters.Reading> metersBefore = meters.read();
        OpenLoop.Offer offer = openLoop(step, targets, submitter);
        Map<String, Processes.Sample> atLoad = processes.sample();
        Duration drained = drain(ledger, answers, step, options.drain());
        long undrained = ledger.awaitingProposal(step);
        Map<String, Processes.Sample> after = processes.sample();
        Map<String, ServiceMeters.Reading> metersAfter = meters.read();
        ledger.settle(step);
        boolean bounded = Verdict.bounded(step.firstThirdToDecision(), step.lastThirdToDecision());
        steps.add(
            new StepResult(
                step,
                offer,
                drained,
                undrained,
                Usage.between(before, after, atLoad, metersBefore, metersAfter, processes::millis),
                bounded,
                Verdict.of(step.errors(), bounded, undrained, step.toBankLatency().p99())));
      }
      if (options.probeConcurrency() > 0) {
        for (Target target : targets) {
          Step probe =
              new Step(
                  "probe " + target.label(), 0, options.probeDuration(), List.of(target.label()));
          PathStats stats = probe.path(target.label());
          progress(
              "closed-loop probe through %s: %d submitters for %s, then drained",
              target.label(), options.probeConcurrency(), options.probeDuration());
          probe.started(System.nanoTime());
          stats.active(
              ClosedLoop.run(
                  options.probeConcurrency(),
                  options.probeDuration(),
                  PATIENCE,
                  () -> submitter.submit(target.base(), probe, stats, System.nanoTime())));
          drain(ledger, answers, probe, options.drain());
          ledger.settle(probe);
          probes.add(new ProbeResult(target, probe, ledger.awaitingProposal(probe)));
        }
      }
      answers.finish(Duration.ofSeconds(30));
    } finally {
      desks.close();
    }
    String report =
        new Report()
            .render(
                started,
                loadAtStart,
                Report.loadAverage(),
                options,
                targets,
                rest,
                steps,
                probes,
                answers.outcomes(),
                answers.retries(),
                desks.failures(),
                ledger.foreignProposals());
    System.out.print(report);
    write(options.report(), report);
  }

  /**
   * The step's rate for its duration, the paths in the order A B B A (a quarter each with two
   * paths): whatever drifts in a linear way during the step (the JIT warming further, tables
   * growing) weighs on both paths alike.
   */
  private static OpenLoop.Offer openLoop(Step step, List<Target> targets, Submitter submitter) {
    step.started(System.nanoTime());
    OpenLoop.Offer offer =
        OpenLoop.run(
            step.rate(),
            step.duration(),
            PATIENCE,
            (index, count, due) -> {
              Target target = targets.get(pathIndex(targets.size(), index, count));
              return submitter.submit(target.base(), step, step.path(target.label()), due);
            });
    Duration perPath = step.duration().dividedBy(targets.size());
    step.paths().values().forEach(path -> path.active(perPath.toNanos()));
    return offer;
  }

  /** Which path send {@code index} of {@code count} takes: ABBA over two paths. */
  static int pathIndex(int paths, long index, long count) {
    if (paths == 1) {
      return 0;
    }
    long quarter = Math.min(3, 4 * index / count);
    return quarter == 0 || quarter == 3 ? 0 : 1;
  }

  private static Rest rest(Processes processes, ServiceMeters meters, Duration duration)
      throws InterruptedException {
    progress("at rest for %s", duration);
    Map<String, Processes.Sample> before = processes.sample();
    Map<String, ServiceMeters.Reading> metersBefore = meters.read();
    Thread.sleep(duration.toMillis());
    Map<String, Processes.Sample> after = processes.sample();
    return new Rest(
        duration,
        Usage.between(before, after, after, metersBefore, meters.read(), processes::millis));
  }

  /**
   * Until every accepted demand of the step has had a proposal, none arrived for {@link #QUIET} and
   * every bank answer begun has its outcome, or the limit: what the next step starts with is an
   * idle network.
   */
  private static Duration drain(Ledger ledger, Answers answers, Step step, Duration limit)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (System.nanoTime() < deadline
        && (ledger.awaitingProposal(step) > 0
            || ledger.nanosSinceLastProposal() < QUIET.toNanos()
            || answers.pending() > 0)) {
      Thread.sleep(250);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void write(Path file, String report) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, report);
      progress("report written to %s", file);
    } catch (IOException e) {
      progress("could not write the report to %s: %s", file, e);
    }
  }

  private static void progress(String format, Object... args) {
    System.err.printf("load: " + format + "%n", args);
  }
}
