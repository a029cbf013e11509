package io.huoshui.bankkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's side of the credit API through the gateway: answers to matches and the matches
 * themselves. An answer goes with an {@code Idempotency-Key}; a 5xx or a reply that never came is
 * sent again with the same key (the network records it once and replays its first reply), a 4xx
 * never: it is the network's verdict on the answer, returned as a {@link Problem}.
 */
public final class BankApi {

  private static final Logger log = LoggerFactory.getLogger(BankApi.class);

  private final HttpClient http;
  private final JsonMapper json;
  private final URI gateway;
  private final TokenSource tokens;
  private final RetryPolicy retries;

  public BankApi(
      HttpClient http, JsonMapper json, URI gateway, TokenSource tokens, RetryPolicy retries) {
    this.http = http;
    this.json = json;
    this.gateway = gateway;
    this.tokens = tokens;
    this.retries = retries;
  }

  /** Sends an answer under a new idempotency key. */
  public AnswerOutcome answer(String matchId, Answer answer)
      throws IOException, InterruptedException {
    return answer(matchId, answer, UUID.randomUUID().toString());
  }

  /**
   * Sends an answer under the given key, e.g. one the bank stored with its own decision, so that
   * even a restart of the bank's system sends the same answer only once.
   */
  public AnswerOutcome answer(String matchId, Answer answer, String idempotencyKey)
      throws IOException, InterruptedException {
    String body = json.writeValueAsString(answer);
    URI target = gateway.resolve("/api/v1/matches/" + matchId + "/responses");
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
      if (attempt > 1) {
        Thread.sleep(retries.waitBefore(attempt - 1).toMillis());
      }
      HttpResponse<String> reply;
      try {
        reply =
            http.send(
                authorised(target)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException noReply) {
        lastFailure = noReply;
        log.warn(
            "答复 {} 第 {} 次发送无回应，将以同一幂等键重试 / no reply to attempt {}: {}",
            matchId,
            attempt,
            attempt,
            noReply.toString());
        continue;
      }
      int status = reply.statusCode();
      if (status >= 500) {
        lastFailure = new IOException("HTTP " + status + " " + reply.body());
        log.warn(
            "答复 {} 第 {} 次发送得到 {}，将以同一幂等键重试 / attempt {} answered {}",
            matchId,
            attempt,
            status,
            attempt,
            status);
        continue;
      }
      if (status >= 400) {
        return new AnswerOutcome.Refused(problem(reply));
      }
      JsonNode response = json.readTree(reply.body());
      return new AnswerOutcome.Accepted(
          response.path("responseId").asString(),
          reply.headers().firstValue("Idempotent-Replayed").isPresent(),
          response);
    }
    throw new IOException(
        "答复 %s 在 %d 次尝试后仍未送达 / not delivered after %d attempts"
            .formatted(matchId, retries.attempts(), retries.attempts()),
        lastFailure);
  }

  /** The match with every answer recorded on it, oldest first; empty when it is not the bank's. */
  public Optional<JsonNode> match(String matchId) throws IOException, InterruptedException {
    HttpResponse<String> reply =
        http.send(
            authorised(gateway.resolve("/api/v1/matches/" + matchId)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() == 404) {
      return Optional.empty();
    }
    if (reply.statusCode() != 200) {
      throw new IOException("GET match " + matchId + ": " + problem(reply));
    }
    return Optional.of(json.readTree(reply.body()));
  }

  private HttpRequest.Builder authorised(URI target) throws IOException, InterruptedException {
    return HttpRequest.newBuilder(target)
        .timeout(retries.timeout())
        .header("Authorization", "Bearer " + tokens.bearer())
        .header("Accept", "application/json, " + Problem.MEDIA_TYPE);
  }

  private Problem problem(HttpResponse<String> reply) {
    return Problem.of(
        reply.statusCode(),
        reply.headers().firstValue("Content-Type").orElse(null),
        reply.body(),
        json);
  }
}
