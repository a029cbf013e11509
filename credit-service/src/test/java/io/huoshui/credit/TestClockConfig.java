package io.huoshui.credit;

import io.huoshui.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the tests: real time, moved on when a test asks (the digest's windows).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfig {

  @Bean
  TestClock clock() {
    return TestClock.running();
  }
}
