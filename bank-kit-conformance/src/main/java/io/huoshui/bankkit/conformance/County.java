package io.huoshui.bankkit.conformance;

import io.huoshui.bankkit.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The county portal the check plays to create test demand, through the gateway. */
final class County {

  record Reply(int status, JsonNode body) {}

  private final HttpClient http;
  private final JsonMapper json;
  private final URI gateway;
  private final TokenSource tokens;

  County(HttpClient http, JsonMapper json, URI gateway, TokenSource tokens) {
    this.http = http;
    this.json = json;
    this.gateway = gateway;
    this.tokens = tokens;
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
    return HttpRequest.newBuilder(gateway.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.bearer())
        .header("Accept", "application/json");
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String text = reply.body();
    return new Reply(reply.statusCode(), json.readTree(text.isEmpty() ? "{}" : text));
  }
}
