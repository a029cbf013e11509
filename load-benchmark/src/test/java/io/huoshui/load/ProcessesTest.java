package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {

  @Test
  void namesEachProcessByItsPidFileAndSkipsTheDead(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("run"));
    Files.createDirectories(home.resolve("data/postgres"));
    Process child = new ProcessBuilder("sleep", "30").start();
    try {
      Files.writeString(home.resolve("run/gateway.pid"), child.pid() + "\n");
      Files.writeString(home.resolve("run/kafka.pid"), "999999999\n");
      Files.writeString(
          home.resolve("data/postgres/postmaster.pid"), child.pid() + "\n/data\n1700000000\n");

      var samples = Processes.of(home, null).sample();

      assertThat(samples).containsOnlyKeys("gateway", Processes.THIS_PROGRAM);
      assertThat(samples.get("gateway").pssKb()).isPositive();
      assertThat(samples.get(Processes.THIS_PROGRAM).cpuTicks()).isPositive();
      // A JVM's compiler threads are part of its time; a program without them has none.
      assertThat(samples.get(Processes.THIS_PROGRAM).compilerTicks())
          .isBetween(0L, samples.get(Processes.THIS_PROGRAM).cpuTicks());
      assertThat(samples.get("gateway").compilerTicks()).isZero();
    } finally {
      child.destroy();
    }
  }
}
