package io.huoshui.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void noPortIsHandedOutTwiceThoughTestsAskSideBySide() {
    List<CompletableFuture<List<Integer>>> askers =
        IntStream.range(0, 4)
            .mapToObj(
                asker ->
                    CompletableFuture.supplyAsync(
                        () -> IntStream.range(0, 250).mapToObj(i -> Ports.free()).toList()))
            .toList();

    List<Integer> ports = askers.stream().flatMap(asker -> asker.join().stream()).toList();

    assertThat(ports).hasSize(1_000).doesNotHaveDuplicates();
  }

  @Test
  void noPortIsOneTheKernelHandsToClientSockets() {
    Ports.Range ephemeral = Ports.Range.ephemeral();

    List<Integer> ports = IntStream.range(0, 500).mapToObj(i -> Ports.free()).toList();

    assertThat(ports)
        .as("outside the ephemeral range %s", ephemeral)
        .noneMatch(port -> port >= ephemeral.from() && port <= ephemeral.to());
  }

  /**
   * The other JVM holds 3,000 of the 12,768 ports below Linux's default ephemeral range: without
   * the claims, about 230 of this JVM's 1,000 would be among them.
   */
  @Test
  void noPortIsOneAnotherJvmOnTheMachineHandedOut() throws Exception {
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PortHolder.class.getName(),
                "3000")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader output =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
      Set<Integer> held =
          Arrays.stream(output.readLine().split(" "))
              .map(Integer::valueOf)
              .collect(Collectors.toSet());
      assertThat(held).hasSize(3_000);

      List<Integer> mine = IntStream.range(0, 1_000).mapToObj(i -> Ports.free()).toList();

      assertThat(mine).doesNotContainAnyElementsOf(held);
    } finally {
      other.getOutputStream().close();
      if (!other.waitFor(30, TimeUnit.SECONDS)) {
        other.destroyForcibly();
      }
    }
  }
}
