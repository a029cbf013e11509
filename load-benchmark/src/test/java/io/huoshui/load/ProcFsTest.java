package io.huoshui.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcFsTest {

  @Test
  void cpuTicksAreUtimeStimeAndTheReapedChildrensTimes() {
    // utime 1200, stime 340, cutime 56, cstime 7 (fields 14 to 17).
    String stat =
        "4242 (java) S 1 4242 4242 0 -1 4194560 91234 0 12 0 1200 340 56 7 20 0 57 0 53477"
            + " 3133440 417 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    assertThat(ProcFs.cpuTicks(stat)).isEqualTo(1200 + 340 + 56 + 7);
  }

  @Test
  void aThreadsTicksAreItsOwnWithoutItsProcesssChildren() {
    String stat =
        "4250 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 20 0 0 0 830 21 56 7 20 0 57 0 53490"
            + " 3133440 417 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0";
    assertThat(ProcFs.threadCpuTicks(stat)).isEqualTo(830 + 21);
  }

  @Test
  void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
    String stat =
        "77 (postgres: huoshui project 127.0.0.1(5432) idle) S 70 77 77 0 -1 4194368 500 0 0 0"
            + " 31 9 0 0 20 0 1 0 900 1000 100 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0";
    assertThat(ProcFs.cpuTicks(stat)).isEqualTo(40);
  }

  @Test
  void pssOfSmapsRollupIsNotItsAnonymousPart() {
    String rollup =
        """
        55f6f50f5000-7ffcf2aa2000 ---p 00000000 00:00 0                          [rollup]
        Rss:              301640 kB
        Pss:              254256 kB
        Pss_Dirty:        200116 kB
        Pss_Anon:         190116 kB
        Shared_Clean:       1480 kB
        """;
    assertThat(ProcFs.kilobytes(rollup, "Pss")).isEqualTo(OptionalLong.of(254256));
    assertThat(ProcFs.kilobytes(rollup, "Pss_Anon")).isEqualTo(OptionalLong.of(190116));
    assertThat(ProcFs.kilobytes(rollup, "SwapPss")).isEmpty();
    assertThat(ProcFs.kilobytes("", "Pss")).isEmpty();
  }
}
