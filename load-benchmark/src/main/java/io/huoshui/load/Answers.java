package io.huoshui.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.ObjectMapper;

/**
 * The banks' systems answering INTEREST to every match of this run's demands, over REST through the
 * gateway with the bank's own token, as soon as the proposal is read from the bank's topic.
 */
final class Answers {

  /** A proposal can be read before its demand's 201: wait this long for it to be ours. */
  private static final int OWNERSHIP_CHECKS = 100;

  private static final Duration OWNERSHIP_PAUSE = Duration.ofMillis(50);

  /**
   * credit-service learns of a match from huoshui.matches, which may reach it after the bank's
   * topic reached the bank: until then the match answers 404, and the bank tries again, as it does
   * after a 429 (over the bank's request budget at the gateway) or a 503 — each time waiting twice
   * as long, up to {@link #LONGEST_PAUSE}: a fixed short pause would flood an overloaded network
   * with retries exactly when it is slowest, and measure the flood rather than the demand.
   */
  private static final int ATTEMPTS = 10;

  private static final Set<String> RETRIED = Set.of("404", "429", "503");

  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);

  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private record Job(Ledger.Proposal proposal, String amount, int checks, int attempts) {}

  private final HttpClient http;
  private final ObjectMapper json;
  private final Tokens tokens;
  private final URI gateway;
  private final Ledger ledger;
  private final ScheduledExecutorService pool;
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder retried = new LongAdder();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

  Answers(HttpClient http, ObjectMapper json, Tokens tokens, URI gateway, Ledger ledger) {
    this.http = http;
    this.json = json;
    this.tokens = tokens;
    this.gateway = gateway;
    this.ledger = ledger;
    // One thread only schedules: the answers themselves are sent asynchronously, so that a bank
    // keeps up with 200 demands/s and their proposals without a pool of blocked threads.
    this.pool =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "bank-answers");
              thread.setDaemon(true);
              return thread;
            });
  }

  void answer(Ledger.Proposal proposal, String amountRequested) {
    pending.incrementAndGet();
    pool.execute(() -> run(new Job(proposal, amountRequested, 0, 0)));
  }

  private void run(Job job) {
    if (ledger.acceptedOf(job.proposal().projectId()) == null) {
      if (job.checks() < OWNERSHIP_CHECKS) {
        later(
            new Job(job.proposal(), job.amount(), job.checks() + 1, job.attempts()),
            OWNERSHIP_PAUSE);
      } else {
        done("not ours, left unanswered");
      }
      return;
    }
    post(job);
  }

  private void post(Job job) {
    Ledger.Proposal proposal = job.proposal();
    var body = json.createObjectNode().put("answer", "INTEREST").put("amount", job.amount());
    HttpRequest request =
        HttpRequest.newBuilder(
                gateway.resolve("/api/v1/matches/" + proposal.matchId() + "/responses"))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Bearer " + tokens.bearer(DemandMix.bankClient(proposal.bankCode())))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              String outcome;
              if (error == null) {
                outcome = Integer.toString(response.statusCode());
              } else {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                outcome = cause.getClass().getSimpleName();
              }
              if (RETRIED.contains(outcome) && job.attempts() + 1 < ATTEMPTS) {
                retried.increment();
                later(
                    new Job(job.proposal(), job.amount(), job.checks(), job.attempts() + 1),
                    pause(job.attempts()));
              } else {
                done(outcome);
              }
            });
  }

  /** 250 ms, 500 ms, 1 s ... 5 s: about 30 s in all over the ten attempts. */
  static Duration pause(int attemptsSoFar) {
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attemptsSoFar, 5));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  private void later(Job job, Duration pause) {
    pool.schedule(() -> run(job), pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void done(String outcome) {
    outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    pending.decrementAndGet();
  }

  /** Answers begun and not finished yet. */
  int pending() {
    return pending.get();
  }

  /** Waits until every answer begun has an outcome, at most {@code limit}; then stops. */
  void finish(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (pending.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    pool.shutdownNow();
  }

  long retries() {
    return retried.sum();
  }

  /** Final outcome of each answer: its HTTP status, or why there was none. */
  Map<String, Long> outcomes() {
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    if (pending.get() > 0) {
      counts.put("still pending at the end", (long) pending.get());
    }
    return counts;
  }
}
