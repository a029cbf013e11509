package io.huoshui.bankkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a record of the bank's topic before the bank acts on it: the CloudEvents 1.0 envelope in
 * structured mode, the record key equal to the subject, and the payload against its producer's JSON
 * Schema. The schemas are the producer's own files, copied into this jar by its build, so a bank
 * verifies against exactly what the network it was built for publishes.
 */
public final class EventVerifier {

  private static final String SCHEMA_BASE = "https://huoshui.io/schemas/";
  private static final String SCHEMA_RESOURCES = "/io/huoshui/bankkit/schemas/";
  private static final List<String> REQUIRED =
      List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");

  private final JsonMapper json;
  private final Map<EventKind, Schema> schemas = new EnumMap<>(EventKind.class);

  public EventVerifier(JsonMapper json) {
    this.json = json;
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(EventVerifier::shippedSchemaOrNull));
    for (EventKind kind : EventKind.values()) {
      schemas.put(kind, registry.getSchema(SchemaLocation.of(kind.schema())));
    }
  }

  /** The event of a record, or the list of everything wrong with it. */
  public MatchEvent verify(String key, String value) throws InvalidEvent {
    JsonNode event;
    try {
      event = json.readTree(value == null ? "" : value);
    } catch (JacksonException unreadable) {
      throw new InvalidEvent(List.of("记录不是 JSON / the record is not JSON: " + unreadable));
    }
    List<String> found = new ArrayList<>();
    Optional<EventKind> kind = envelope(event, key, found);
    if (kind.isPresent() && event.path("data").isObject()) {
      for (Error error : schemas.get(kind.get()).validate(event.get("data"))) {
        found.add("data: " + error);
      }
    }
    if (!found.isEmpty()) {
      throw new InvalidEvent(found);
    }
    return MatchEvent.of(event);
  }

  private static Optional<EventKind> envelope(JsonNode event, String key, List<String> found) {
    if (!event.isObject()) {
      found.add("记录不是 CloudEvents 对象 / the record is not a CloudEvents object");
      return Optional.empty();
    }
    for (String attribute : REQUIRED) {
      if (!event.has(attribute) || event.get(attribute).isNull()) {
        found.add("缺少属性 / missing attribute: " + attribute);
      }
    }
    expect(event, "specversion", "1.0", found);
    expect(event, "datacontenttype", "application/json", found);
    if (!event.path("data").isMissingNode() && !event.path("data").isObject()) {
      found.add("data 必须是 JSON 对象 / data must be a JSON object");
    }
    String time = event.path("time").asString("");
    try {
      Instant.parse(time);
    } catch (DateTimeParseException notAnInstant) {
      found.add("time 不是 RFC 3339 时间 / time is not an RFC 3339 instant: " + time);
    }
    String subject = event.path("subject").asString("");
    if (!Objects.equals(key, subject)) {
      found.add("记录键 %s 与 subject %s 不同 / the key is not the subject".formatted(key, subject));
    }
    String type = event.path("type").asString("");
    Optional<EventKind> kind = EventKind.find(type);
    if (kind.isEmpty()) {
      found.add("未知的事件类型 / unknown event type: " + type);
      return kind;
    }
    expect(event, "dataschema", kind.get().schema(), found);
    return kind;
  }

  private static void expect(JsonNode event, String attribute, String wanted, List<String> found) {
    String actual = event.path(attribute).asString(null);
    if (actual != null && !actual.equals(wanted)) {
      found.add(
          "%s 为 %s，应为 %s / %s is %s, not %s"
              .formatted(attribute, actual, wanted, attribute, actual, wanted));
    }
  }

  private static String shippedSchemaOrNull(String iri) {
    if (!iri.startsWith(SCHEMA_BASE)) {
      return null;
    }
    try (InputStream in =
        EventVerifier.class.getResourceAsStream(
            SCHEMA_RESOURCES + iri.substring(SCHEMA_BASE.length()))) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /** A record that is not a valid event of the bank's topic, with every reason. */
  public static final class InvalidEvent extends Exception {

    private final List<String> violations;

    InvalidEvent(List<String> violations) {
      super(String.join("; ", violations));
      this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
      return violations;
    }
  }
}
