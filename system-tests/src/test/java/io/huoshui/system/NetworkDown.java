package io.huoshui.system;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Brings the network down when every test class has run, inside the test run rather than in a
 * shutdown hook that surefire cuts off after 30 seconds and that would leave the servers of a
 * half-finished {@code down} running into the next command on the machine.
 */
public final class NetworkDown implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    SystemNetwork.downOnce();
  }
}
