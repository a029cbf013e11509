package io.huoshui.matching;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;

@RealInfrastructure(database = "matching")
class MatchingServicePlatformTest extends ServicePlatformContract {}
