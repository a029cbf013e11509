package io.huoshui.infrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a PostgreSQL server left behind when its postmaster died without a shutdown (a
 * power cut as the database sees it, or SIGKILL). Its backends and helpers notice only when they
 * next wake, seconds later on a busy machine, and while any of them is still attached to the old
 * shared memory a new postmaster on the same data directory refuses to start ("pre-existing shared
 * memory block is still in use"). They can do nothing useful without their postmaster, and
 * PostgreSQL's own advice is to terminate them.
 */
final class OrphanedBackends {

  private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

  private OrphanedBackends() {}

  /**
   * Ends every PostgreSQL process still working in the data directory once no postmaster owns it.
   * PostgreSQL's processes all run with the data directory as their working directory, which is
   * what tells them from another server's.
   */
  static void endAll(Path dataDirectory) {
    if (PostgresServer.postmasterPid(dataDirectory).isPresent()) {
      return;
    }
    Optional<Path> directory = realPath(dataDirectory);
    if (directory.isEmpty()) {
      return;
    }
    List<ProcessHandle> orphans =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
            .filter(p -> workingDirectory(p).equals(directory))
            .toList();
    orphans.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle orphan : orphans) {
      try {
        orphan.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new InfrastructureException(
            "a process of the last PostgreSQL server on %s (pid %d) did not exit"
                .formatted(dataDirectory, orphan.pid()),
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("interrupted while ending old PostgreSQL processes", e);
      }
    }
  }

  private static Optional<Path> workingDirectory(ProcessHandle process) {
    try {
      return Optional.of(
          Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Gone meanwhile, someone else's, or no /proc on this system: not an orphan we can know.
      return Optional.empty();
    }
  }

  private static Optional<Path> realPath(Path directory) {
    try {
      return Optional.of(directory.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
