package io.huoshui.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Resident memory of the network's processes, from Linux's /proc: each process the local run
 * recorded under {@code run/*.pid}, PostgreSQL by its postmaster.pid, and nginx when given. A
 * process counts with its descendants (PostgreSQL's backends, nginx's workers); memory they share
 * (PostgreSQL's shared buffers) is then counted once per process, so their sum is an upper bound.
 */
record ProcessMemory(String name, long pid, int processes, long rssKb, long peakRssKb) {

  static List<ProcessMemory> of(Path home, Path nginxPidFile) {
    Map<Long, String> names = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(home.resolve("run"))) {
      files
          .filter(file -> file.getFileName().toString().endsWith(".pid"))
          .sorted()
          .forEach(
              file ->
                  firstLineNumber(file)
                      .ifPresent(
                          pid ->
                              names.putIfAbsent(
                                  pid, file.getFileName().toString().replace(".pid", ""))));
    } catch (IOException e) {
      // No run directory: nothing of the local run to report, which the caller prints as such.
    }
    firstLineNumber(home.resolve("data/postgres/postmaster.pid"))
        .ifPresent(pid -> names.putIfAbsent(pid, "postgresql"));
    if (nginxPidFile != null) {
      firstLineNumber(nginxPidFile).ifPresent(pid -> names.putIfAbsent(pid, "nginx"));
    }
    names.put(ProcessHandle.current().pid(), "load-benchmark (this program)");
    List<ProcessMemory> memory = new ArrayList<>();
    names.forEach((pid, name) -> measure(name, pid).ifPresent(memory::add));
    return memory;
  }

  private static Optional<ProcessMemory> measure(String name, long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.empty();
    }
    List<Long> tree = new ArrayList<>();
    tree.add(pid);
    process.get().descendants().forEach(child -> tree.add(child.pid()));
    long rss = 0;
    long peak = 0;
    for (long member : tree) {
      String status = status(member);
      rss += kilobytes(status, "VmRSS").orElse(0);
      peak += kilobytes(status, "VmHWM").orElse(0);
    }
    return Optional.of(new ProcessMemory(name, pid, tree.size(), rss, peak));
  }

  private static String status(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    } catch (IOException e) {
      // Gone between listing and reading: it holds no memory any more.
      return "";
    }
  }

  /** A field of /proc/<pid>/status, such as {@code VmRSS: 123456 kB}. */
  static OptionalLong kilobytes(String status, String field) {
    return status
        .lines()
        .filter(line -> line.startsWith(field + ":"))
        .map(line -> line.substring(field.length() + 1).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst();
  }

  private static Optional<Long> firstLineNumber(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .findFirst()
          .map(String::trim)
          .filter(line -> line.matches("\\d+"))
          .map(Long::valueOf);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
