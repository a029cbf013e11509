package io.huoshui.notification;

import io.huoshui.servicetest.ServicePlatformContract;
import io.huoshui.testsupport.RealInfrastructure;

@RealInfrastructure(database = "notification")
class NotificationServicePlatformTest extends ServicePlatformContract {}
