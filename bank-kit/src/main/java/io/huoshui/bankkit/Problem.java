package io.huoshui.bankkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal as the network gives it, RFC 9457 problem details: {@code code} names the rule refused
 * ({@code INTEREST_REQUIRED}, {@code ALREADY_APPROVED}, {@code MATCH_RELEASED} …) where there is
 * one, {@code errors} the fields of a 400.
 */
public record Problem(
    int status, String contentType, String title, String detail, String code, JsonNode body) {

  static final String MEDIA_TYPE = "application/problem+json";

  /** Whether the network answered in the problem+json media type, as it does every refusal. */
  public boolean isProblemJson() {
    return contentType != null && contentType.startsWith(MEDIA_TYPE);
  }

  static Problem of(int status, String contentType, String text, JsonMapper json) {
    JsonNode body;
    try {
      body = json.readTree(text == null || text.isEmpty() ? "{}" : text);
    } catch (tools.jackson.core.JacksonException notJson) {
      body = json.createObjectNode().put("detail", text);
    }
    return new Problem(
        status,
        contentType,
        body.path("title").asString(null),
        body.path("detail").asString(null),
        body.path("code").asString(null),
        body);
  }

  @Override
  public String toString() {
    return "%d %s%s"
        .formatted(status, code == null ? "" : code + " ", detail == null ? "" : detail);
  }
}
