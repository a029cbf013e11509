package io.huoshui.bankkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's access token by the OAuth2 client-credentials grant at identity's {@code
 * /oauth2/token}, through the gateway. One token serves until a minute before it expires, so that
 * no request leaves with a token that expires on the way.
 */
public final class TokenSource {

  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final HttpClient http;
  private final JsonMapper json;
  private final URI endpoint;
  private final String clientId;
  private final String secret;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  /** A bank's token. */
  public TokenSource(
      HttpClient http, JsonMapper json, URI gateway, BankCredentials credentials, Clock clock) {
    this(http, json, gateway, credentials.clientId(), credentials.secret(), clock);
  }

  /** Any client's token, e.g. a county portal's that creates test demand. */
  public TokenSource(
      HttpClient http, JsonMapper json, URI gateway, String clientId, String secret, Clock clock) {
    this.http = http;
    this.json = json;
    this.endpoint = gateway.resolve("/oauth2/token");
    this.clientId = clientId;
    this.secret = secret;
    this.clock = clock;
  }

  /** A token valid for at least another minute. */
  public synchronized String bearer() throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Forgets the held token, e.g. after the network answered 401 to it. */
  public synchronized void forget() {
    token = null;
  }

  private void fetch() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "令牌请求被拒绝 / the token request was refused: %d %s"
              .formatted(response.statusCode(), response.body()));
    }
    JsonNode body = json.readTree(response.body());
    token = body.path("access_token").asString();
    renewAt = clock.instant().plusSeconds(body.path("expires_in").asLong(300)).minus(MARGIN);
  }
}
