package io.huoshui.servicetest.hostile;

/**
 * A request target a path-confused client or an attacker writes, as it goes on the wire: sent byte
 * for byte (a raw socket, not a URI class that would refuse or normalise it), it must draw a 4xx
 * problem+json and reach nothing behind the path it pretends to be.
 *
 * @param name what is wrong, for the test report
 * @param method the request's method
 * @param target the request target exactly as sent
 * @param status the status the refusal must have, or 0 where any 4xx will do
 */
public record HostilePath(String name, String method, String target, int status) {

  /** Whether an answer of this status is the refusal this case asks for. */
  public boolean refusedBy(int answered) {
    return status == 0 ? answered >= 400 && answered < 500 : answered == status;
  }

  @Override
  public String toString() {
    return name;
  }
}
