package io.huoshui.credit;

import io.huoshui.servicetest.ServicePlatformContract;

@CreditServiceTest
class CreditServicePlatformTest extends ServicePlatformContract {}
