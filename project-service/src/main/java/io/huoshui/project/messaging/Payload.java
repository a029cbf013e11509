package io.huoshui.project.messaging;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.eventing.PoisonEventException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A consumed event's payload as far as this service reads it. A payload that lacks what this
 * service needs, or is about another demand than the record's key, is poison: no retry can fix it.
 */
interface Payload {

  /** The members without which the event cannot be applied. */
  Object[] required();

  UUID projectId();

  static <T extends Payload> T checked(EventEnvelope event, T payload) {
    if (Arrays.asList(payload.required()).contains(null)) {
      throw new PoisonEventException(
          "%s %s lacks a member it must carry".formatted(event.type(), event.id()));
    }
    if (!Objects.equals(payload.projectId().toString(), event.subject())) {
      throw new PoisonEventException(
          "%s %s is about demand %s but keyed %s"
              .formatted(event.type(), event.id(), payload.projectId(), event.subject()));
    }
    return payload;
  }
}
