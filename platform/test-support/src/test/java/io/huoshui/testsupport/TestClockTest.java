package io.huoshui.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {

  private static final Instant NATIONAL_DAY = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void aStandingClockMovesOnlyWhenTold() {
    TestClock clock = TestClock.standingAt(NATIONAL_DAY);

    assertThat(clock.instant()).isEqualTo(NATIONAL_DAY);
    clock.advance(Duration.ofDays(7));
    assertThat(clock.instant()).isEqualTo(NATIONAL_DAY.plus(Duration.ofDays(7)));
  }

  @Test
  void aRunningClockIsAheadOfRealTimeByWhatItWasMoved() {
    TestClock clock = TestClock.running();
    clock.advance(Duration.ofDays(10));

    Instant tenDaysFromNow = Instant.now().plus(Duration.ofDays(10));
    assertThat(clock.instant())
        .isBetween(tenDaysFromNow.minusSeconds(60), tenDaysFromNow.plusSeconds(60));
    clock.reset();
    assertThat(clock.instant()).isBefore(tenDaysFromNow.minusSeconds(60));
  }

  @Test
  void aClockInAnotherZoneFollowsTheOriginal() {
    TestClock clock = TestClock.standingAt(NATIONAL_DAY);
    Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

    clock.set(NATIONAL_DAY.plusSeconds(3600));

    assertThat(shanghai.instant()).isEqualTo(NATIONAL_DAY.plusSeconds(3600));
    assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void timeNeverMovesBack() {
    assertThatThrownBy(() -> TestClock.running().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
