package io.huoshui.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One request as raw bytes over a socket, and everything the server answers until it closes the
 * connection: what an HTTP client library would refuse to send or would parse away.
 */
final class RawHttp {

  private static final int GENEROUS_MILLIS = 60_000;

  private RawHttp() {}

  static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), GENEROUS_MILLIS);
      socket.setSoTimeout(GENEROUS_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
