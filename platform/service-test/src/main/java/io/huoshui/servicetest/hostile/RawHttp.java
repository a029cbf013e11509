package io.huoshui.servicetest.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, the request written byte for byte: the targets of
 * {@link HostilePath} (a raw backslash, {@code ..;}) and over-long headers are what every HTTP
 * client library refuses to send or quietly normalises, while an attacker's client sends them.
 */
public final class RawHttp {

  /** Longer than any wait a server of the network makes on a loaded machine. */
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  /**
   * The answer.
   *
   * @param headers lower-case names, the first value of each
   */
  public record Answer(int status, Map<String, String> headers, String body) {

    /** Whether the answer is an RFC 9457 problem document. */
    public boolean isProblem() {
      return headers.getOrDefault("content-type", "").startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + headers.getOrDefault("content-type", "(no type)") + " " + body;
    }
  }

  private RawHttp() {}

  /** Sends the request and reads the whole answer; {@code Content-Length} is added for a body. */
  public static Answer send(
      String host,
      int port,
      String method,
      String target,
      Map<String, String> headers,
      byte[] body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(host, port)) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      // Head and body in one write: a server that refuses on the head alone and closes would
      // otherwise meet the body's bytes with a reset that discards its answer.
      byte[] bytes = head.toString().getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        byte[] whole = Arrays.copyOf(bytes, bytes.length + body.length);
        System.arraycopy(body, 0, whole, bytes.length, body.length);
        bytes = whole;
      }
      OutputStream out = socket.getOutputStream();
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException refusedEarly) {
        // A server that has answered a body over its limit closes before reading it all: the
        // answer already sent is what counts.
      }
      return read(socket.getInputStream(), method);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in, String method) throws IOException {
    byte[] all = untilClosed(in);
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    byte[] rest = Arrays.copyOfRange(all, end + 4, all.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunked(rest);
    }
    return new Answer(
        status, headers, method.equals("HEAD") ? "" : new String(rest, StandardCharsets.UTF_8));
  }

  /**
   * Everything the server sent. A server that refused on the first bytes closes with more of the
   * request unread, which resets the connection: what it answered before the reset is the answer.
   */
  private static byte[] untilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int read; (read = in.read(chunk)) != -1; ) {
        all.write(chunk, 0, read);
      }
    } catch (SocketException reset) {
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toByteArray();
  }

  private static byte[] dechunked(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = at;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return body.toByteArray();
  }
}
