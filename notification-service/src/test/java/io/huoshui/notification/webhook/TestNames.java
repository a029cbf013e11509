package io.huoshui.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The tests' name service: the names a test points somewhere (a tenant's portal on the public
 * internet, a name later pointed at the metadata address), the system's resolver for the rest. It
 * takes the place of the service's resolver, so that registration and delivery both ask it.
 */
@Component
@Primary
public class TestNames implements HostResolver {

  /** The portal the tests register: a documentation address (RFC 5737), public to the checks. */
  public static final String PORTAL = "portal.example.cn";

  private final Map<String, List<InetAddress>> pointed = new ConcurrentHashMap<>();
  private final HostResolver system = HostResolver.system();

  TestNames() {
    point(PORTAL, "203.0.113.7");
  }

  /** From now on the name resolves to these addresses (literals). */
  public void point(String name, String... addresses) {
    try {
      InetAddress[] found = new InetAddress[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        found[i] = InetAddress.getByName(addresses[i]);
      }
      pointed.put(name, List.of(found));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    List<InetAddress> found = pointed.get(host);
    return found != null ? found : system.resolve(host);
  }
}
