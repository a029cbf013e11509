package io.huoshui.infrastructure;

import java.io.IOException;

/**
 * Another JVM of the build: hands out as many ports as its argument says, prints them on one line,
 * and holds their claims until its standard input closes.
 */
final class PortHolder {

  private PortHolder() {}

  public static void main(String[] args) throws IOException {
    StringBuilder ports = new StringBuilder();
    for (int i = 0; i < Integer.parseInt(args[0]); i++) {
      ports.append(Ports.free()).append(' ');
    }
    System.out.println(ports.toString().trim());
    System.out.flush();
    while (System.in.read() != -1) {
      // holds the claims
    }
  }
}
