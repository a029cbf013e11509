package io.huoshui.notification.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a webhook may be delivered to: the public internet only. A tenant's URL is
 * refused when its host resolves to the network's inside — loopback, private (10/8, 172.16/12,
 * 192.168/16), shared (100.64/10, where cloud metadata services also live), link-local (169.254/16
 * with its metadata address, fe80::/10), multicast, unique-local (fc00::/7), unspecified — or else
 * a webhook would be a port scanner of our own network for any county or bank. The allow-list
 * (networks in CIDR notation) admits such addresses on purpose, for a local run's receivers.
 */
final class ReceiverAddresses {

  /** A network in CIDR notation: its address bytes and how many leading bits count. */
  private record Network(byte[] prefix, int bits) {

    static Network parse(String cidr) {
      String text = cidr.strip();
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      byte[] prefix = literal(address);
      int bits = slash < 0 ? prefix.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > prefix.length * 8) {
        throw new IllegalArgumentException("not a network in CIDR notation: " + cidr);
      }
      return new Network(prefix, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Network> INSIDE =
      List.of(
              "0.0.0.0/8",
              "10.0.0.0/8",
              "100.64.0.0/10",
              "127.0.0.0/8",
              "169.254.0.0/16",
              "172.16.0.0/12",
              "192.0.0.0/24",
              "192.168.0.0/16",
              "198.18.0.0/15",
              "224.0.0.0/4",
              "240.0.0.0/4",
              "::/128",
              "::1/128",
              "fc00::/7",
              "fe80::/10",
              "ff00::/8")
          .stream()
          .map(Network::parse)
          .toList();

  private final List<Network> allowed;

  /**
   * @param allowedNetworks networks (CIDR, or a single address) delivered to although inside
   * @throws IllegalArgumentException when an entry is not an address literal or a CIDR network
   */
  ReceiverAddresses(List<String> allowedNetworks) {
    this.allowed = allowedNetworks.stream().map(Network::parse).toList();
  }

  /** Whether a webhook may be delivered to the address. */
  boolean permitted(InetAddress address) {
    List<byte[]> forms = List.of(address.getAddress(), reached(address));
    return forms.stream().anyMatch(form -> within(allowed, form))
        || forms.stream().noneMatch(form -> within(INSIDE, form));
  }

  private static boolean within(List<Network> networks, byte[] address) {
    return networks.stream().anyMatch(network -> network.contains(address));
  }

  /** Whether every address a name resolves to may be delivered to (none is: not at all). */
  boolean permitted(List<InetAddress> addresses) {
    return !addresses.isEmpty() && addresses.stream().allMatch(this::permitted);
  }

  /**
   * An IPv4 address written as IPv6 (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d},
   * NAT64 {@code 64:ff9b::a.b.c.d}) is judged as the IPv4 address it reaches too.
   */
  private static byte[] reached(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      boolean mapped = zeros(bytes, 0, 10) && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      boolean compatible = zeros(bytes, 0, 12) && !zeros(bytes, 12, 16);
      boolean nat64 =
          bytes[0] == 0
              && bytes[1] == 0x64
              && bytes[2] == (byte) 0xff
              && bytes[3] == (byte) 0x9b
              && zeros(bytes, 4, 12);
      if (mapped || compatible || nat64) {
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
      }
    }
    return bytes;
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an address literal, never looked up in DNS. */
  private static byte[] literal(String address) {
    boolean v6 = address.contains(":");
    boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!v6 && !v4) {
      throw new IllegalArgumentException("not an address literal: " + address);
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address literal: " + address, e);
    }
  }

  /** A delivery refused because the receiver's name resolves inside at the time of delivery. */
  static final class InsideAddress extends java.io.IOException {
    InsideAddress(String host) {
      super("webhook host " + host + " resolves to an address inside the network", null);
    }
  }
}
