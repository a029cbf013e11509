package io.huoshui.eventing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * What one consumer does with each event type it reads: the payload record it reads the event as,
 * which member names the event's subject, and the effect. {@link EventConsumer} checks every event
 * against it before any effect runs: all members present (but those marked {@link MayBeAbsent}),
 * and the subject member equal to the envelope's subject and the record's key. Types without a
 * handler are logged as consumed and otherwise skipped, so that a producer may add event types.
 */
public final class EventHandlers {

  /** An effect of one event, run inside the consumer's transaction. */
  @FunctionalInterface
  public interface Effect<P> {
    Mono<Void> apply(P payload, Delivery delivery);
  }

  /** Where an event came from: its envelope, and the topic and partition it was read on. */
  public record Delivery(EventEnvelope event, String topic, int partition) {}

  private final String consumer;
  private final Map<String, Handler<?>> handlers;

  private EventHandlers(String consumer, Map<String, Handler<?>> handlers) {
    this.consumer = consumer;
    this.handlers = Map.copyOf(handlers);
  }

  /**
   * @param consumer the name under which this consumer's applied events are logged; one per
   *     consumer group and topic set, stable across releases (a rename replays every event)
   */
  public static Builder of(String consumer) {
    return new Builder(consumer);
  }

  public String consumer() {
    return consumer;
  }

  /** The effect of an event, checked and bound to its payload; empty for a type not handled. */
  java.util.Optional<Mono<Void>> prepare(EventEnvelope event, EventCodec codec, Delivery delivery) {
    Handler<?> handler = handlers.get(event.type());
    return handler == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(handler.prepare(event, codec, delivery));
  }

  public static final class Builder {

    private final String consumer;
    private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

    private Builder(String consumer) {
      this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /**
     * @param subject the payload member that must equal the envelope's subject (the Kafka key)
     */
    public <P extends Record> Builder on(
        String type, Class<P> payload, Function<P, ?> subject, Effect<P> effect) {
      return on(Set.of(type), payload, subject, effect);
    }

    /** For an event whose subject is named by no member of its payload. */
    public <P extends Record> Builder on(String type, Class<P> payload, Effect<P> effect) {
      return on(Set.of(type), payload, null, effect);
    }

    public <P extends Record> Builder on(
        Set<String> types, Class<P> payload, Function<P, ?> subject, Effect<P> effect) {
      Handler<P> handler = new Handler<>(payload, subject, effect);
      for (String type : types) {
        if (handlers.putIfAbsent(type, handler) != null) {
          throw new IllegalStateException(type + " has two handlers in " + consumer);
        }
      }
      return this;
    }

    public EventHandlers build() {
      return new EventHandlers(consumer, handlers);
    }
  }

  /** Payload records are package-private in their services: their accessors are opened once. */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          for (RecordComponent component : components) {
            component.getAccessor().setAccessible(true);
          }
          return components;
        }
      };

  private record Handler<P extends Record>(
      Class<P> payload, Function<P, ?> subject, Effect<P> effect) {

    Mono<Void> prepare(EventEnvelope event, EventCodec codec, Delivery delivery) {
      P read = codec.payload(event, payload);
      List<String> absent = new ArrayList<>();
      collectAbsent(read, "", absent);
      if (!absent.isEmpty()) {
        throw new PoisonEventException(
            "%s %s lacks %s".formatted(event.type(), event.id(), String.join(", ", absent)));
      }
      String about = subject == null ? event.subject() : String.valueOf(subject.apply(read));
      if (!about.equals(event.subject())) {
        throw new PoisonEventException(
            "%s %s is about %s but its subject is %s"
                .formatted(event.type(), event.id(), about, event.subject()));
      }
      return Mono.defer(() -> effect.apply(read, delivery));
    }

    private static void collectAbsent(Record value, String path, List<String> absent) {
      for (RecordComponent component : COMPONENTS.get(value.getClass())) {
        Object member;
        try {
          member = component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component, e);
        }
        String name = path + component.getName();
        if (member == null) {
          if (!component.isAnnotationPresent(MayBeAbsent.class)) {
            absent.add(name);
          }
        } else if (member instanceof Record nested) {
          collectAbsent(nested, name + ".", absent);
        }
      }
    }
  }
}
