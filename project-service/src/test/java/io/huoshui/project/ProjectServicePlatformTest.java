package io.huoshui.project;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The platform's contract, in the one context of the module's tests ({@link ProjectServiceTest}).
 */
@RealInfrastructure(database = "project")
@Import(TestClockConfig.class)
// The unfollowed intentions are counted when a test asks, never on their schedule, so that no
// background read adds to the round trips a test counts.
@TestPropertySource(properties = "huoshui.matchmaking.metrics-refresh=P1D")
class ProjectServicePlatformTest extends ServicePlatformContract {}
