package io.huoshui.matching;

import io.huoshui.testsupport.RealInfrastructure;
import io.huoshui.testsupport.TestClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The one Spring context every test of this module shares: two contexts would be two instances in
 * the service's consumer group, splitting the demands' partitions between them. Time is a {@link
 * TestClock}; the sweep runs when a test calls it; working days are the network's calendar as it
 * ships (platform/calendar).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealInfrastructure(database = "matching")
@Import({TestClockConfig.class, SqlTranscripts.Config.class})
@TestPropertySource(
    properties = {
      "huoshui.matching.sweep-interval=1h",
      "huoshui.matching.standings-refresh=1h",
      "huoshui.matching.instance-id=test",
      "huoshui.events.consumer.initial-backoff=100ms",
      "huoshui.events.consumer.max-backoff=500ms",
      "huoshui.events.consumer.max-retry-time=2s",
      "huoshui.events.outbox.poll-interval=50ms"
    })
public @interface MatchingServiceTest {}
