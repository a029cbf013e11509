package io.huoshui.load;

import java.util.OptionalLong;

/** The two files of Linux's /proc the benchmark reads, parsed from their text. */
final class ProcFs {

  private ProcFs() {}

  /**
   * CPU time of {@code /proc/<pid>/stat} in clock ticks: utime and stime of the process, and cutime
   * and cstime of the children it has already waited for. PostgreSQL's backends come and go during
   * a step; once the postmaster has reaped one, its time is in the postmaster's cutime, so summing
   * these four over the processes alive at each sample counts every backend exactly once.
   */
  static long cpuTicks(String stat) {
    return ticks(stat, 17);
  }

  /**
   * CPU time of one thread's {@code /proc/<pid>/task/<tid>/stat}: its own utime and stime only, as
   * the children's fields of a thread are its process's.
   */
  static long threadCpuTicks(String stat) {
    return ticks(stat, 15);
  }

  private static long ticks(String stat, int lastField) {
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+");
    // fields[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17.
    long ticks = 0;
    for (int field = 14; field <= lastField; field++) {
      ticks += Long.parseLong(fields[field - 3]);
    }
    return ticks;
  }

  /**
   * A field of /proc/<pid>/status or /proc/<pid>/smaps_rollup in kB, such as {@code VmRSS: 123 kB}
   * or {@code Pss: 456 kB}; {@code Pss_Anon} is another field, not a match for {@code Pss}.
   */
  static OptionalLong kilobytes(String text, String field) {
    return text.lines()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst();
  }
}
