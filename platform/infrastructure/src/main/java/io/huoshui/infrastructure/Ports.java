package io.huoshui.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the servers a test starts, and port checks, so that a taken port is reported
 * before anything is started.
 *
 * <p>A port handed out is bound only seconds later, once its server has started, so it must not be
 * one that anything else on the machine can take in between:
 *
 * <ul>
 *   <li>not from the kernel's ephemeral range, which it hands to every client socket: a build's
 *       other JVMs connect to their own brokers and databases all the time, and a connection given
 *       the port as its local one would make the server's bind fail;
 *   <li>not one another of the build's JVMs has handed out: each claims its ports with a lock on
 *       one byte of a file of the user's in the temporary directory, which the operating system
 *       releases when the JVM exits;
 *   <li>not one this JVM has handed out before, though its probe has closed.
 * </ul>
 */
public final class Ports {

  /** Below it are the well-known and registered services a developer's machine may run. */
  private static final int LOWEST = 20_000;

  private static final int HIGHEST = 65_535;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

  private static final Claims claims = Claims.open();

  private Ports() {}

  /**
   * A port that was free a moment ago, outside the kernel's ephemeral range where it leaves room,
   * that neither this JVM nor another one on the machine has handed out.
   */
  public static int free() {
    Range range = Range.outsideEphemeral();
    for (int attempt = 0; attempt < 20 * range.size(); attempt++) {
      int port = range.random();
      if (handedOut.add(port) && claims.claim(port) && bindable(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + range.from() + " and " + range.to());
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

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** The ports to choose from, both ends included. */
  record Range(int from, int to) {

    /** Room enough that two JVMs choosing at random rarely try the same port. */
    private static final int ENOUGH = 4_000;

    /**
     * Below the ephemeral range where there is room enough, else above it; the whole range above
     * the registered ports on a machine that gives every port to client sockets.
     */
    static Range outsideEphemeral() {
      Range ephemeral = ephemeral();
      if (ephemeral.from() - LOWEST >= ENOUGH) {
        return new Range(LOWEST, ephemeral.from() - 1);
      }
      if (HIGHEST - ephemeral.to() >= ENOUGH) {
        return new Range(Math.max(LOWEST, ephemeral.to() + 1), HIGHEST);
      }
      return new Range(LOWEST, HIGHEST);
    }

    /** Linux's range, or its default where the file cannot be read. */
    static Range ephemeral() {
      try {
        String[] bounds = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
        return new Range(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
      } catch (IOException | RuntimeException unreadable) {
        return new Range(32_768, 60_999);
      }
    }

    int size() {
      return to - from + 1;
    }

    int random() {
      return from + ThreadLocalRandom.current().nextInt(size());
    }
  }

  /**
   * The ports this JVM has claimed against the machine's other JVMs: a lock on byte {@code port} of
   * one file, held as long as the file stays open, that is, until the JVM exits.
   */
  private record Claims(FileChannel ledger) {

    static Claims open() {
      Path file =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "huoshui-ports-" + System.getProperty("user.name") + ".lock");
      try {
        return new Claims(
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file + " to claim ports in", e);
      }
    }

    /** False when another process holds the port's claim. */
    synchronized boolean claim(int port) {
      try {
        FileLock lock = ledger.tryLock(port, 1, false);
        return lock != null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
