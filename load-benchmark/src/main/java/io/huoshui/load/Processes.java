package io.huoshui.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes that carry the load, from Linux's /proc: each one the local run recorded under
 * {@code run/*.pid}, PostgreSQL by its postmaster.pid, nginx when given, and this program. A
 * process counts with its descendants (PostgreSQL's backends, nginx's workers). Memory is PSS
 * (smaps_rollup): a page shared by n processes counts 1/n in each, so unlike RSS the figures add
 * up, and PostgreSQL's shared buffers count once in the sum.
 */
final class Processes {

  static final String THIS_PROGRAM = "load-benchmark (this program)";

  static final String NGINX = "nginx";

  /**
   * One process with its descendants at one moment: CPU time so far, the part of it that a JVM's
   * JIT compiler threads spent, and PSS now.
   */
  record Sample(
      String name, long pid, int processes, long cpuTicks, long compilerTicks, long pssKb) {}

  /**
   * HotSpot's names for its compiler threads, cut to the 15 characters of a thread's comm. A
   * compiler thread that HotSpot retired during a step takes its time with it, so the compilers'
   * share is at least what is counted.
   */
  private static final List<String> COMPILER_THREADS =
      List.of("C1 CompilerThre", "C2 CompilerThre");

  private final Map<String, Long> roots;
  private final long ticksPerSecond;

  private Processes(Map<String, Long> roots, long ticksPerSecond) {
    this.roots = roots;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** The processes of the local run under {@code home}, nginx's, and this program. */
  static Processes of(Path home, Path nginxPidFile) {
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
      // No run directory: nothing of the local run to sample, which the report shows as such.
    }
    firstLineNumber(home.resolve("data/postgres/postmaster.pid"))
        .ifPresent(pid -> names.putIfAbsent(pid, "postgresql"));
    if (nginxPidFile != null) {
      firstLineNumber(nginxPidFile).ifPresent(pid -> names.putIfAbsent(pid, NGINX));
    }
    names.put(ProcessHandle.current().pid(), THIS_PROGRAM);
    Map<String, Long> roots = new LinkedHashMap<>();
    names.forEach((pid, name) -> roots.put(name, pid));
    return new Processes(roots, clockTicksPerSecond());
  }

  /** Every process alive now; a process that has gone is left out. */
  Map<String, Sample> sample() {
    Map<String, Sample> samples = new LinkedHashMap<>();
    roots.forEach((name, pid) -> measure(name, pid).ifPresent(s -> samples.put(name, s)));
    return samples;
  }

  double millis(long ticks) {
    return ticks * 1000.0 / ticksPerSecond;
  }

  private static Optional<Sample> measure(String name, long pid) {
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return Optional.empty();
    }
    List<Long> tree = new ArrayList<>();
    tree.add(pid);
    process.get().descendants().forEach(child -> tree.add(child.pid()));
    long ticks = 0;
    long compiler = 0;
    long pss = 0;
    for (long member : tree) {
      String stat = read(member, "stat");
      if (!stat.isEmpty()) {
        ticks += ProcFs.cpuTicks(stat);
      }
      compiler += compilerTicks(member);
      pss += ProcFs.kilobytes(read(member, "smaps_rollup"), "Pss").orElse(0);
    }
    return Optional.of(new Sample(name, pid, tree.size(), ticks, compiler, pss));
  }

  private static long compilerTicks(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (Stream<Path> threads = Files.list(tasks)) {
      return threads
          .filter(thread -> COMPILER_THREADS.contains(read(thread.resolve("comm")).trim()))
          .map(thread -> read(thread.resolve("stat")))
          .filter(stat -> !stat.isEmpty())
          .mapToLong(ProcFs::threadCpuTicks)
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String read(long pid, String file) {
    return read(Path.of("/proc", Long.toString(pid), file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      // A process or thread gone between listing and reading holds no memory and spends no time
      // any more.
      return "";
    }
  }

  /** USER_HZ, which /proc/<pid>/stat counts in: 100 on every usual Linux, asked to be sure. */
  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
    } catch (IOException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
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
