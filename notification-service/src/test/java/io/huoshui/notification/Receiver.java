package io.huoshui.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant's webhook receiver: a real HTTP server on a free port that answers as the test tells it
 * (accept, fail the first n requests, fail all, or hold every request unanswered until it is
 * closed) and records every request it was sent.
 */
public final class Receiver implements AutoCloseable {

  /** A request as it arrived, and whether it was accepted (answered 2xx). */
  public record Received(
      Instant at, String signature, String notificationId, String body, boolean accepted) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile boolean failing;
  private final AtomicInteger arrived = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean holding;

  public Receiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/hook", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Answers 503 to the next {@code n} requests, then accepts. */
  public Receiver failFirst(int n) {
    failuresLeft.set(n);
    return this;
  }

  /** Answers 500 to every request until {@link #recover}. */
  public Receiver failAll() {
    failing = true;
    return this;
  }

  /** Keeps every request waiting, unanswered, until the receiver is closed. */
  public Receiver hold() {
    holding = true;
    return this;
  }

  public Receiver recover() {
    failing = false;
    return this;
  }

  /** The requests that have arrived, answered or not. */
  public int arrived() {
    return arrived.get();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public List<Received> accepted() {
    return received.stream().filter(Received::accepted).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      arrived.incrementAndGet();
      if (holding) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      boolean accept = !failing && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
      received.add(
          new Received(
              Instant.now(),
              exchange.getRequestHeaders().getFirst("Huoshui-Signature"),
              exchange.getRequestHeaders().getFirst("Huoshui-Notification-Id"),
              body,
              accept));
      exchange.sendResponseHeaders(accept ? 204 : (failing ? 500 : 503), -1);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
