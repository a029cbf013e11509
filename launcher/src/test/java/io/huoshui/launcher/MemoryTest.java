package io.huoshui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MemoryTest {

  @Test
  void aRunningJvmHoldsSomeMegabytesAndAProcessThatIsGoneNothing() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
    assertThat(Memory.pssKib(ProcessHandle.current()).orElse(0)).isGreaterThan(10_000);

    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    assertThat(Memory.pssKib(finished.toHandle())).isEmpty();
  }

  @Test
  void mebibytesAreRounded() {
    assertThat(Memory.mib(1_536)).isEqualTo("2 MiB");
    assertThat(Memory.mib(2_560_000)).isEqualTo("2500 MiB");
  }
}
