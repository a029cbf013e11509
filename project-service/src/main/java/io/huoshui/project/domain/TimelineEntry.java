package io.huoshui.project.domain;

import io.huoshui.service.security.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One step of a demand's way to an outcome.
 *
 * @param at when the step happened (the event's own time, not when this service learnt of it)
 * @param bankCode the bank concerned, when a bank is
 * @param amount the amount the step is about: requested, indicated, approved or disbursed
 * @param details what else the step carries (reason, colour, rate, failures ...), as JSON members
 * @param actor the client and request that acted, when a request did
 * @param service the service that took the step or reported it; null on steps recorded before
 *     services were named
 */
public record TimelineEntry(
    Step step,
    Instant at,
    String bankCode,
    UUID productId,
    String productName,
    BigDecimal amount,
    Map<String, Object> details,
    Actor actor,
    String service) {

  public TimelineEntry {
    details = Map.copyOf(details);
  }
}
