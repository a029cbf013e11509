package io.huoshui.credit;

import io.huoshui.servicetest.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layout rule of docs/architecture.md on credit-service's main classes. */
class ArchitectureTest {

  @Test
  void followsTheLayoutRule() {
    ArchitectureRules.check("io.huoshui.credit");
  }
}
