package io.huoshui.project;

import io.huoshui.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in the tests: real time, which a test that judges days to come moves on and
 * then resets, so that every other test reads the time Kafka, PostgreSQL and the tokens read.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

  @Bean
  TestClock clock() {
    return TestClock.running();
  }
}
