package io.huoshui.servicetest.hostile;

import java.util.Map;

/**
 * A list's filters with one of them malformed, and that parameter's name, which the refusal must
 * name. The values are decoded text: encode them when building the URI.
 */
public record HostileQuery(String name, Map<String, String> parameters, String field) {

  @Override
  public String toString() {
    return name;
  }
}
