package io.huoshui.servicetest.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A list's filters with one of them malformed, and that parameter's name, which the refusal must
 * name. The values are decoded text: encode them when building the URI, or take {@link #query()}.
 */
public record HostileQuery(String name, Map<String, String> parameters, String field) {

  /** The query string, each value percent-encoded as a form does: {@code ?page=0&size=%00}. */
  public String query() {
    return parameters.entrySet().stream()
        .map(
            parameter ->
                URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  @Override
  public String toString() {
    return name;
  }
}
