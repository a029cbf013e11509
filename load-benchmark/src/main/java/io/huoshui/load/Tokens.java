package io.huoshui.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Access tokens of the demo clients by the client-credentials grant through the gateway, as a
 * county portal or a bank's system obtains them. A token is fetched again a minute before it
 * expires, so that a run longer than a token's life never sends an expired one.
 */
final class Tokens {

  private static final Duration MARGIN = Duration.ofMinutes(1);

  private record Token(String value, long renewAtNanos) {}

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI tokenEndpoint;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  Tokens(HttpClient http, ObjectMapper json, URI gateway) {
    this.http = http;
    this.json = json;
    this.tokenEndpoint = gateway.resolve("/oauth2/token");
  }

  /** The local run's demo secret (README: public, for local use only). */
  static String secretOf(String clientId) {
    return clientId + "-local-secret";
  }

  String bearer(String clientId) {
    Token token = tokens.get(clientId);
    if (token == null || System.nanoTime() - token.renewAtNanos() >= 0) {
      token = tokens.compute(clientId, (id, held) -> fresh(held) ? held : fetch(id));
    }
    return token.value();
  }

  private static boolean fresh(Token token) {
    return token != null && System.nanoTime() - token.renewAtNanos() < 0;
  }

  private Token fetch(String clientId) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secretOf(clientId)).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "no token for %s: %d %s".formatted(clientId, response.statusCode(), response.body()));
      }
      JsonNode body = json.readTree(response.body());
      long lifetimeNanos =
          Duration.ofSeconds(body.path("expires_in").asLong(300)).minus(MARGIN).toNanos();
      return new Token(body.path("access_token").asString(), System.nanoTime() + lifetimeNanos);
    } catch (IOException e) {
      throw new IllegalStateException("no token for " + clientId + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching a token for " + clientId, e);
    }
  }
}
