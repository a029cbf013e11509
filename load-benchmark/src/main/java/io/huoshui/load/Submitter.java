package io.huoshui.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.ObjectMapper;

/** A county portal submitting demand: POST /api/v1/projects with the county's token. */
final class Submitter {

  private final HttpClient http;
  private final ObjectMapper json;
  private final Tokens tokens;
  private final DemandMix demands;
  private final Ledger ledger;

  Submitter(HttpClient http, ObjectMapper json, Tokens tokens, DemandMix demands, Ledger ledger) {
    this.http = http;
    this.json = json;
    this.tokens = tokens;
    this.demands = demands;
    this.ledger = ledger;
  }

  /**
   * Starts sending one demand to {@code base}; what came of it is recorded on {@code path} of
   * {@code step}, latency from {@code dueNanos}. The future never fails: a failure is a figure.
   */
  CompletableFuture<Void> submit(URI base, Step step, PathStats path, long dueNanos) {
    DemandMix.Demand demand = demands.next();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.bearer(demand.countyClient()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(demand.body()))
            .build();
    path.sent();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              long answered = System.nanoTime();
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                path.failed(cause.getClass().getSimpleName());
              } else if (response.statusCode() == 201) {
                path.accepted(dueNanos, answered);
                ledger.accepted(
                    json.readTree(response.body()).path("id").asString(),
                    step,
                    path,
                    answered,
                    System.currentTimeMillis());
              } else {
                path.failed(Integer.toString(response.statusCode()));
              }
              return null;
            });
  }
}
