package io.huoshui.servicetest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RawHttpTest {

  @Test
  void theTargetGoesOutAsWrittenAndAChunkedProblemComesBackWhole() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.set(exchange.getRequestURI().getRawPath());
          byte[] body = exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
          exchange.sendResponseHeaders(404, 0);
          exchange
              .getResponseBody()
              .write(("{\"status\":404,\"sent\":" + body.length + "}").getBytes());
          exchange.close();
        });
    server.start();
    try {
      RawHttp.Answer answer =
          RawHttp.send(
              "127.0.0.1",
              server.getAddress().getPort(),
              "POST",
              "/api/v1/projects/..;/42%00",
              Map.of("Content-Type", "application/json"),
              "{\"title\":\"融资\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(seen.get()).isEqualTo("/api/v1/projects/..;/42%00");
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.isProblem()).isTrue();
      assertThat(answer.headers()).containsEntry("transfer-encoding", "chunked");
      assertThat(answer.body()).isEqualTo("{\"status\":404,\"sent\":18}");
    } finally {
      server.stop(0);
    }
  }
}
