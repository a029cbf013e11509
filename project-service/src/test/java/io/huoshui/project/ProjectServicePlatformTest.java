package io.huoshui.project;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;
import org.springframework.context.annotation.Import;

/**
 * The platform's contract, in the one context of the module's tests ({@link ProjectServiceTest}).
 */
@RealInfrastructure(database = "project")
@Import(TestClockConfig.class)
class ProjectServicePlatformTest extends ServicePlatformContract {}
