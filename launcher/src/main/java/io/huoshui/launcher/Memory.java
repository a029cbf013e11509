package io.huoshui.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What a process holds in memory as its proportional set size (Linux {@code smaps_rollup}): pages
 * shared with others (PostgreSQL's shared buffers, the JDK's class-data archive) count for each in
 * proportion, so the figures of the network's processes add up to what the network costs the
 * machine, which resident sizes overstate.
 */
final class Memory {

  private Memory() {}

  /**
   * The process and every process it started (PostgreSQL's backends), in KiB; empty where the
   * system has no {@code /proc} or the process is gone.
   */
  static OptionalLong pssKib(ProcessHandle process) {
    long total = 0;
    boolean any = false;
    for (ProcessHandle each : Stream.concat(Stream.of(process), process.descendants()).toList()) {
      OptionalLong pss = pssOf(each.pid());
      if (pss.isPresent()) {
        total += pss.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(total) : OptionalLong.empty();
  }

  private static OptionalLong pssOf(long pid) {
    Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
    try (Stream<String> lines = Files.lines(rollup)) {
      return lines
          .filter(line -> line.startsWith("Pss:"))
          .findFirst()
          .map(line -> line.replaceAll("[^0-9]", ""))
          .map(Long::parseLong)
          .map(OptionalLong::of)
          .orElse(OptionalLong.empty());
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  static String mib(long kib) {
    return "%d MiB".formatted(Math.round(kib / 1024.0));
  }
}
