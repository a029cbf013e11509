package io.huoshui.project;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Order;

@Order(1)
@RealInfrastructure(database = "project")
class ProjectServicePlatformTest extends ServicePlatformContract {}
