package io.huoshui.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.infrastructure.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher tells a user before anything runs; `up` itself is exercised by CI's smoke run.
 */
class LocalNetworkTest {

  @TempDir Path home;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private LocalNetwork network() {
    return new LocalNetwork(
        new Layout(Path.of("..").toAbsolutePath().normalize(), home),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @Test
  void upRefusesAPortThatAnotherProgramHoldsAndSaysWhichAndWhatToDo() throws Exception {
    Assumptions.assumeFalse(Ports.inUse(Network.KAFKA_PORT), "Kafka's port is already taken");
    try (ServerSocket squatter =
        new ServerSocket(Network.KAFKA_PORT, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> network().up(false))
          .isInstanceOf(LaunchException.class)
          .hasMessageContaining("9092 (kafka)")
          .hasMessageContaining("ss -ltnp");
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("starting");
  }

  @Test
  void statusOnAFreshMachineListsEveryComponentAsStopped() {
    assertThat(network().status()).isEqualTo(3);
    String table = printed.toString(StandardCharsets.UTF_8);
    for (Component component : Network.all()) {
      assertThat(table).containsPattern(component.name() + "\\s+-\\s+stopped\\s+-\\s");
    }
    assertThat(table).contains("http://localhost:8080", "postgresql://localhost:15432");
  }

  @Test
  void statusTellsWhereAndHowPrometheusRunsOrHowToInstallIt() {
    Layout layout = new Layout(Path.of("..").toAbsolutePath().normalize(), home);
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    new LocalNetwork(layout, out, Optional.empty()).status();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("prometheus\\s+-\\s+absent\\s+-\\s+.*apt-get install prometheus");

    printed.reset();
    new LocalNetwork(layout, out, Optional.of(Path.of("/usr/bin/prometheus"))).status();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .containsPattern("prometheus\\s+-\\s+stopped\\s+-\\s+http://localhost:9090");
  }

  @Test
  void downWithNothingRunningSaysSo() {
    assertThat(network().down()).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Nothing was running.");
  }

  @Test
  void aRecycledProcessIdIsNotMistakenForAComponent() {
    Layout layout = new Layout(Path.of(".").toAbsolutePath(), home);
    // This JVM's own pid: alive, but its command line is not the gateway's.
    layout.writePid(Network.GATEWAY, ProcessHandle.current().pid());
    assertThat(new LocalNetwork(layout, new PrintStream(printed)).running(Network.GATEWAY))
        .isEmpty();
  }
}
