package io.huoshui.servicetest;

import io.huoshui.eventing.EventingMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.Lifecycle;

/**
 * What a service test reads of the event plumbing's meters, to judge a hot path by its round trips
 * without adding any of its own: waiting on a meter costs the database nothing.
 */
public final class ServiceMeters {

  private ServiceMeters() {}

  /** Round trips the service has made to its database so far. */
  public static double sqlStatements(MeterRegistry meters) {
    return sum(meters, EventingMeters.SQL_STATEMENTS);
  }

  /** Events of one type one consumer has applied so far (duplicates not counted). */
  public static double eventsApplied(MeterRegistry meters, String consumer, String type) {
    return meters
        .find(EventingMeters.EVENTS_CONSUMED)
        .tags("consumer", consumer, "type", type, "outcome", "applied")
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /**
   * Runs a measurement with background parts (the outbox relay, a dispatcher) stopped, so that
   * their polls add nothing to the figures, and starts them again whatever happens.
   */
  public static void whileStopped(Runnable measurement, Lifecycle... parts) {
    for (Lifecycle part : parts) {
      part.stop();
    }
    try {
      measurement.run();
    } finally {
      for (int i = parts.length - 1; i >= 0; i--) {
        parts[i].start();
      }
    }
  }

  private static double sum(MeterRegistry meters, String name) {
    return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
