package io.huoshui.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of every service test: put in place of the service's {@link Clock} bean, it is the
 * time every rule of the service reads. It either runs (real time, moved by what the test asked
 * for, so that it only ever advances like the clocks of Kafka, PostgreSQL and the tokens) or stands
 * (at an instant the test sets, for rules judged on a given day).
 */
public final class TestClock extends Clock {

  private final ZoneId zone;
  private volatile Instant standing;
  private volatile Duration ahead;

  private TestClock(ZoneId zone, Instant standing, Duration ahead) {
    this.zone = zone;
    this.standing = standing;
    this.ahead = ahead;
  }

  /** Real time, until a test moves it on. */
  public static TestClock running() {
    return new TestClock(ZoneOffset.UTC, null, Duration.ZERO);
  }

  /** Standing at the instant, until a test moves or sets it. */
  public static TestClock standingAt(Instant instant) {
    return new TestClock(ZoneOffset.UTC, instant, Duration.ZERO);
  }

  /** Moves the time on (a running clock keeps running from there). */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("time only moves on: " + duration);
    }
    if (standing != null) {
      standing = standing.plus(duration);
    } else {
      ahead = ahead.plus(duration);
    }
  }

  /** Stands the clock at the instant. */
  public synchronized void set(Instant instant) {
    standing = instant;
    ahead = Duration.ZERO;
  }

  /** Back to real time. */
  public synchronized void reset() {
    standing = null;
    ahead = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    Instant stood = standing;
    return stood != null ? stood : Instant.now().plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same time seen in another zone: it moves when this clock moves. */
  @Override
  public Clock withZone(ZoneId other) {
    TestClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return other;
      }

      @Override
      public Clock withZone(ZoneId again) {
        return self.withZone(again);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }
}
