package io.huoshui.bankkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a bank's program reaches the network and as whom, from its command line ({@code --gateway},
 * {@code --kafka}, {@code --client-id}) and its secret from {@code HUOSHUI_BANK_SECRET}: the one
 * place that wires the kit's pieces together.
 */
public final class BankConnection {

  private final BankCredentials credentials;
  private final URI gateway;
  private final String kafka;
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Clock clock;
  private final TokenSource tokens;

  public BankConnection(BankCredentials credentials, URI gateway, String kafka, Clock clock) {
    this.credentials = credentials;
    this.gateway = gateway;
    this.kafka = kafka;
    this.clock = clock;
    this.tokens = new TokenSource(http, json, gateway, credentials, clock);
  }

  public static BankConnection from(Arguments options, Clock clock) {
    return new BankConnection(
        new BankCredentials(
            options.required("client-id"), Arguments.environment("HUOSHUI_BANK_SECRET")),
        URI.create(options.get("gateway", "http://localhost:8080")),
        options.get("kafka", "localhost:9094"),
        clock);
  }

  public BankCredentials credentials() {
    return credentials;
  }

  public JsonMapper json() {
    return json;
  }

  public HttpClient http() {
    return http;
  }

  public URI gateway() {
    return gateway;
  }

  /** The bank's tokens, shared by everything this connection makes. */
  public TokenSource tokens() {
    return tokens;
  }

  /** The credit API with the standard retries. */
  public BankApi api() {
    return new BankApi(http, json, gateway, tokens, RetryPolicy.standard());
  }

  /** A reader of the bank's topic in the group {@code <client id>-<group>}, over SASL/SCRAM. */
  public BankTopicReader reader(String group, BankTopicReader.Start start) {
    return new BankTopicReader(kafka, credentials, group, start, Map.of(), new EventVerifier(json));
  }
}
