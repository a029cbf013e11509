package io.huoshui.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback port checks, so that a taken port is reported before anything is started. */
public final class Ports {

  /**
   * Every port this JVM has handed out: a port is free again once its probe closes, so tests that
   * start servers side by side could otherwise be given the same port before either has bound it.
   */
  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** A port that was free a moment ago and that this JVM has not handed out before. */
  public static int free() {
    while (true) {
      int port = probe();
      if (handedOut.add(port)) {
        return port;
      }
    }
  }

  private static int probe() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether something already listens on the port. */
  public static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
