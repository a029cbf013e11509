package io.huoshui.matching;

import io.huoshui.testsupport.TestClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the tests: standing, 09:00 in Shanxi on a Friday, until a test sets it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfig {

  @Bean
  TestClock clock() {
    return TestClock.standingAt(Instant.parse("2026-09-25T01:00:00Z"));
  }
}
