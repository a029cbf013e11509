package io.huoshui.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A county portal's webhook endpoint: verifies each delivery's signature the way docs/webhooks.md
 * tells a portal to, and keeps what arrived.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One POST as it arrived. */
  record Delivery(String notificationId, String signature, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext(
          "/hook",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            receiver.deliveries.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("Huoshui-Notification-Id"),
                    exchange.getRequestHeaders().getFirst("Huoshui-Signature"),
                    body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /**
   * The portal's check: {@code Huoshui-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
   * "<t>.<body>">} under the secret shown when the webhook was registered.
   */
  static boolean verifies(Delivery delivery, String secret) {
    String timestamp = null;
    String signature = null;
    for (String part : delivery.signature().split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair[0].equals("t")) {
        timestamp = pair[1];
      } else if (pair[0].equals("v1")) {
        signature = pair[1];
      }
    }
    if (timestamp == null || signature == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
    } catch (NoSuchAlgorithmException | InvalidKeyException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
