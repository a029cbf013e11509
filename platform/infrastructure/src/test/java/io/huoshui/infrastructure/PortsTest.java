package io.huoshui.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
}
