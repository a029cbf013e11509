package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

  @Test
  void readsKilobytesOfAStatusField() {
    String status = "Name:\tjava\nVmHWM:\t  412345 kB\nVmRSS:\t  398765 kB\nThreads:\t42\n";
    assertThat(ProcessMemory.kilobytes(status, "VmRSS")).isEqualTo(OptionalLong.of(398765));
    assertThat(ProcessMemory.kilobytes(status, "VmHWM")).isEqualTo(OptionalLong.of(412345));
    assertThat(ProcessMemory.kilobytes(status, "VmSwap")).isEmpty();
  }

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

      assertThat(ProcessMemory.of(home, null))
          .extracting(ProcessMemory::name)
          .containsExactly("gateway", "load-benchmark (this program)");
      assertThat(ProcessMemory.of(home, null).get(0).rssKb()).isPositive();
    } finally {
      child.destroy();
    }
  }
}
