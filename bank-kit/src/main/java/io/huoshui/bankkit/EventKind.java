package io.huoshui.bankkit;

import io.huoshui.vocabulary.EventTypes;
import java.util.Arrays;
import java.util.Optional;

/** The event types a bank's topic carries, each with its producer's schema. */
public enum EventKind {
  PROPOSED(EventTypes.MATCH_PROPOSED),
  ESCALATED(EventTypes.MATCH_ESCALATED),
  RELEASED(EventTypes.MATCH_RELEASED);

  private final String type;

  EventKind(String type) {
    this.type = type;
  }

  /** The CloudEvents {@code type}. */
  public String type() {
    return type;
  }

  /** The schema IRI the envelope's {@code dataschema} must name. */
  public String schema() {
    return EventTypes.schemaOf(type).toString();
  }

  static Optional<EventKind> find(String type) {
    return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
  }

  static EventKind of(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("not a bank event: " + type));
  }
}
