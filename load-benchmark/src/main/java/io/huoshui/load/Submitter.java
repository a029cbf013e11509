package io.huoshui.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

  /** Sends one demand to {@code base} and records what came of it in {@code path}. */
  void submit(URI base, PathStats path, long dueNanos) {
    DemandMix.Demand demand = demands.next();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/projects"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.bearer(demand.countyClient()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(demand.body()))
            .build();
    path.sent();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      if (response.statusCode() == 201) {
        path.accepted(dueNanos, answered);
        ledger.accepted(
            json.readTree(response.body()).path("id").asString(),
            path,
            answered,
            System.currentTimeMillis());
      } else {
        path.failed(Integer.toString(response.statusCode()));
      }
    } catch (IOException e) {
      path.failed(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      path.failed("interrupted");
    }
  }
}
