package io.huoshui.project;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;

@RealInfrastructure(database = "project")
class ProjectServicePlatformTest extends ServicePlatformContract {}
