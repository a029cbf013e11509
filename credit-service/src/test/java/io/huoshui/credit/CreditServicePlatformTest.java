package io.huoshui.credit;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;

@RealInfrastructure(database = "credit")
class CreditServicePlatformTest extends ServicePlatformContract {}
