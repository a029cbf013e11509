package io.huoshui.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a receiver's host name up: every address it resolves to now. Blocks; call it off loop. */
@FunctionalInterface
interface HostResolver {

  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The system's resolver, as the JDK asks it. */
  static HostResolver system() {
    return host -> List.of(InetAddress.getAllByName(host));
  }
}
