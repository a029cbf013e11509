package io.huoshui.matching;

import io.huoshui.servicetest.ServicePlatformContract;

@MatchingServiceTest
class MatchingServicePlatformTest extends ServicePlatformContract {}
