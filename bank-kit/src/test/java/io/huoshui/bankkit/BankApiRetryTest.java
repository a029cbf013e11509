package io.huoshui.bankkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry rules against an HTTP server on loopback that answers as the gateway does in a failure
 * (a 503 of a busy service, a reply that never comes), which a running network cannot be made to do
 * on cue.
 */
class BankApiRetryTest {

  private static final String CREATED =
      "{\"responseId\":\"7c1e0f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6\",\"answer\":\"INTEREST\"}";

  private record Reply(int status, String contentType, String body, Duration delay) {}

  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<String> keys = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private BankApi api;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth2/token",
        exchange ->
            send(exchange, 200, "application/json", "{\"access_token\":\"t\",\"expires_in\":900}"));
    server.createContext("/api/v1/matches/", this::answer);
    server.setExecutor(
        Executors.newCachedThreadPool(
            work -> {
              Thread thread = new Thread(work);
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    HttpClient http = HttpClient.newHttpClient();
    TokenSource tokens =
        new TokenSource(
            http,
            ProducerExamples.JSON,
            gateway,
            new BankCredentials("bank-test-bank", "secret"),
            Clock.systemUTC());
    RetryPolicy quick =
        new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(3));
    api = new BankApi(http, ProducerExamples.JSON, gateway, tokens, quick);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBusyServiceAndALostReplyAreRetriedWithTheSameKey() throws Exception {
    script.add(new Reply(503, "application/problem+json", "{\"status\":503}", Duration.ZERO));
    script.add(new Reply(201, "application/json", CREATED, Duration.ofSeconds(60)));
    script.add(new Reply(201, "application/json", CREATED, Duration.ZERO));

    AnswerOutcome outcome = api.answer("m-1", Answer.interest(new BigDecimal("5000000.00")));

    assertThat(outcome).isInstanceOf(AnswerOutcome.Accepted.class);
    assertThat(((AnswerOutcome.Accepted) outcome).responseId())
        .isEqualTo("7c1e0f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    assertThat(keys).hasSize(3).doesNotContainNull();
    assertThat(keys.stream().distinct()).hasSize(1);
  }

  @Test
  void aRefusalIsNeverSentAgainAndReachesTheBankAsProblemDetails() throws Exception {
    script.add(
        new Reply(
            409,
            "application/problem+json",
            "{\"status\":409,\"title\":\"Conflict\",\"code\":\"INTEREST_REQUIRED\","
                + "\"detail\":\"A bank approves credit only after it declared interest.\"}",
            Duration.ZERO));

    AnswerOutcome outcome =
        api.answer(
            "m-2", Answer.approval(new BigDecimal("100.00"), new BigDecimal("4.350"), 12, null));

    assertThat(outcome).isInstanceOf(AnswerOutcome.Refused.class);
    Problem problem = ((AnswerOutcome.Refused) outcome).problem();
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.code()).isEqualTo("INTEREST_REQUIRED");
    assertThat(problem.isProblemJson()).isTrue();
    assertThat(keys).hasSize(1);
  }

  @Test
  void anApprovalNamesTheInstrumentsItUsesAsTheCreditApiTakesThem() throws Exception {
    script.add(new Reply(201, "application/json", CREATED, Duration.ZERO));
    script.add(new Reply(201, "application/json", CREATED, Duration.ZERO));
    MatchEvent.Proposed proposed =
        (MatchEvent.Proposed)
            MatchEvent.of(
                ProducerExamples.of(EventKind.PROPOSED).stream()
                    .filter(example -> example.path("data").has("support"))
                    .findFirst()
                    .orElseThrow());
    List<String> offered =
        proposed.instruments().stream().map(MatchEvent.Instrument::instrumentId).toList();

    api.answer(
        proposed.matchId(),
        Answer.approval(new BigDecimal("2000000.00"), new BigDecimal("4.350"), 24, null, offered));
    api.answer(
        proposed.matchId(),
        Answer.approval(new BigDecimal("2000000.00"), new BigDecimal("4.350"), 24, null));

    assertThat(proposed.instruments())
        .extracting(MatchEvent.Instrument::kind)
        .containsExactly("INTEREST_SUBSIDY", "GUARANTEE", "RISK_COMPENSATION");
    assertThat(proposed.instruments().get(1).draw()).isEqualByComparingTo("1600000.00");
    // The members of credit's AnswerRequest, the ids as strings, and no member an approval
    // without instruments would be refused for.
    assertThat(ProducerExamples.JSON.readTree(bodies.get(0)))
        .isEqualTo(
            ProducerExamples.JSON.readTree(
                """
                {"answer": "APPROVAL", "amount": "2000000.00", "annualRate": "4.350",
                 "termMonths": 24, "instruments": ["%s", "%s", "%s"]}
                """
                    .formatted(offered.get(0), offered.get(1), offered.get(2))));
    assertThat(ProducerExamples.JSON.readTree(bodies.get(1)).has("instruments")).isFalse();
  }

  @Test
  void anAnswerNeverDeliveredEndsInAnErrorAfterItsAttempts() {
    for (int i = 0; i < 4; i++) {
      script.add(new Reply(502, "application/problem+json", "{\"status\":502}", Duration.ZERO));
    }
    assertThatThrownBy(() -> api.answer("m-3", Answer.decline("OTHER", "不在授信政策内")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("4");
    assertThat(keys).hasSize(4);
  }

  private void answer(HttpExchange exchange) throws IOException {
    keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Reply reply = script.poll();
    if (reply == null) {
      send(exchange, 500, "text/plain", "the test's script ran out");
      return;
    }
    try {
      Thread.sleep(reply.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    send(exchange, reply.status(), reply.contentType(), reply.body());
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException clientGone) {
      // The client gave up waiting (the lost-reply case): nothing more to send.
    }
    exchange.close();
  }
}
