package io.huoshui.credit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The service's clock in tests: real time moved forward by what a test asked for, so that time only
 * ever advances (tokens, Kafka and PostgreSQL keep their own real clocks). Imported, it is the
 * context's one {@link Clock} bean.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock extends Clock {

  private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

  public void advance(Duration duration) {
    ahead.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(ahead.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
