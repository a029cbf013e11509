package io.huoshui.matching;

import io.huoshui.servicetest.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The layout rule of docs/architecture.md on matching-service's main classes. */
class ArchitectureTest {

  @Test
  void followsTheLayoutRule() {
    ArchitectureRules.check("io.huoshui.matching");
  }
}
