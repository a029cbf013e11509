package io.huoshui.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a county portal, a bank's system or an operator's console does: obtain a token by the
 * client-credentials grant and call the API through the gateway. Every call has a deadline, so a
 * part that hangs fails the test instead of stalling it.
 */
final class Api {

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  /** The answer to one call; the body parsed when it is JSON. */
  record Reply(int status, HttpResponse<String> raw) {

    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String clientId;

  private Api(String clientId) {
    this.clientId = clientId;
  }

  /** A demo client of README: {@code county-140428}, {@code bank-cib-changzhi}, ... */
  static Api as(String clientId) {
    return new Api(clientId);
  }

  static String secretOf(String clientId) {
    return clientId + "-local-secret";
  }

  String token() {
    return TOKENS.computeIfAbsent(clientId, Api::fetchToken);
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  Reply post(String path, Object body) {
    return post(path, body, null);
  }

  Reply post(String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  Reply put(String path, Object body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /**
   * The caller's notifications of one kind among its latest hundred, newest first: the tests read
   * them soon after they were sent, before a hundred others have arrived.
   */
  List<JsonNode> notifications(String kind) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode notification : get("/api/v1/notifications?size=100").json().get("items")) {
      if (kind.equals(notification.get("kind").asString())) {
        found.add(notification);
      }
    }
    return found;
  }

  /** A member's text, or null when the member is absent or null (the API leaves some out). */
  static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || value.isNull() ? null : value.asString();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(SystemNetwork.GATEWAY + path))
        .timeout(CALL_TIMEOUT)
        .header("Authorization", "Bearer " + token());
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String fetchToken(String clientId) {
    String form =
        "grant_type=client_credentials&client_id=%s&client_secret=%s"
            .formatted(
                URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                URLEncoder.encode(secretOf(clientId), StandardCharsets.UTF_8));
    Reply reply =
        send(
            HttpRequest.newBuilder(URI.create(SystemNetwork.GATEWAY + "/oauth2/token"))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (!reply.ok()) {
      throw new IllegalStateException(
          "no token for %s: %d %s".formatted(clientId, reply.status(), reply.raw().body()));
    }
    return reply.json().get("access_token").asString();
  }
}
