package io.huoshui.eventing;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds, writes and reads envelopes; the only place that knows their JSON form. */
public final class EventCodec {

  private final JsonMapper json;
  private final Clock clock;
  private final URI source;

  EventCodec(JsonMapper json, Clock clock, URI source) {
    this.json =
        json.rebuild()
            // Money travels as exact decimal strings ("70000000.00"): no consumer, in whatever
            // language a bank integrates with, reads an amount through a double.
            .withConfigOverride(
                BigDecimal.class,
                override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A tolerant reader: producers may add fields to an event without breaking anyone,
            // even where the service's API refuses unknown fields.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    this.clock = clock;
    this.source = source;
  }

  /** A new envelope from this service, stamped with a fresh id and the injected clock's time. */
  public EventEnvelope envelope(String type, String subject, Object payload, URI dataschema) {
    requireText(type, "type");
    requireText(subject, "subject");
    return new EventEnvelope(
        EventEnvelope.SPEC_VERSION,
        UUID.randomUUID().toString(),
        source,
        type,
        subject,
        clock.instant(),
        EventEnvelope.DATA_CONTENT_TYPE,
        dataschema,
        json.valueToTree(payload));
  }

  public String write(EventEnvelope envelope) {
    return json.writeValueAsString(envelope);
  }

  /** Reads an envelope off the wire; anything that is not a valid envelope is poison. */
  public EventEnvelope read(String text) {
    EventEnvelope envelope;
    try {
      envelope = json.readValue(text, EventEnvelope.class);
    } catch (JacksonException e) {
      throw new PoisonEventException(
          "not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
    }
    if (envelope == null) {
      throw new PoisonEventException("empty record");
    }
    if (!EventEnvelope.SPEC_VERSION.equals(envelope.specversion())) {
      throw new PoisonEventException("unsupported specversion " + envelope.specversion());
    }
    if (isBlank(envelope.id())
        || isBlank(envelope.type())
        || isBlank(envelope.subject())
        || envelope.source() == null
        || envelope.time() == null) {
      throw new PoisonEventException("envelope lacks id, type, source, subject or time");
    }
    return envelope;
  }

  /** The payload as the consumer's own record type; a payload that does not fit is poison. */
  public <T> T payload(EventEnvelope envelope, Class<T> type) {
    try {
      return json.treeToValue(envelope.data(), type);
    } catch (JacksonException e) {
      throw new PoisonEventException(
          "payload of %s %s does not fit %s: %s"
              .formatted(
                  envelope.type(), envelope.id(), type.getSimpleName(), e.getOriginalMessage()),
          e);
    }
  }

  private static void requireText(String value, String name) {
    if (isBlank(value)) {
      throw new IllegalArgumentException("event " + name + " is required");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
