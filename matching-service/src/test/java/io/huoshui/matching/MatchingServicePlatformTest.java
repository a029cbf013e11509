package io.huoshui.matching;

import io.huoshui.servicetest.ServicePlatformContract;
import org.junit.jupiter.api.Order;

@MatchingServiceTest
@Order(1)
class MatchingServicePlatformTest extends ServicePlatformContract {}
