package io.huoshui.notification;

import io.huoshui.servicetest.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void followsTheLayoutRule() {
    ArchitectureRules.check("io.huoshui.notification");
  }
}
