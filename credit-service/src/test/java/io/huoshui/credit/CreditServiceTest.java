package io.huoshui.credit;

import io.huoshui.testsupport.RealInfrastructure;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one test configuration of this service: real PostgreSQL and Kafka, and a clock the tests
 * move. Every test class carries exactly this, so that they all share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RealInfrastructure(database = "credit")
@Import({TestClockConfig.class, OtherServicesTopics.class})
// A Prometheus scrape after the API tests (latency histograms per route) is larger than the
// WebTestClient's default 256 KB buffer. The demo catalog loads as in a demo run; the tests work
// with banks of their own beside it. The budget gauges are read when a test asks, never on their
// schedule, so that no background read adds to the round trips a test counts.
@TestPropertySource(
    properties = {
      "spring.http.codecs.max-in-memory-size=4MB",
      "huoshui.demo=true",
      "huoshui.credit.instruments.budget-gauges-refresh=P1D"
    })
public @interface CreditServiceTest {}
