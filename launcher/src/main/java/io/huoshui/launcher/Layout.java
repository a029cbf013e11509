package io.huoshui.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local run keeps things: {@code .huoshui/data} (PostgreSQL and Kafka data, kept across
 * down/up), {@code .huoshui/logs} (one log per process) and {@code .huoshui/run} (process ids).
 */
record Layout(Path root, Path home) {

  Path data(String component) {
    return home.resolve("data").resolve(component);
  }

  Path log(Component component) {
    return home.resolve("logs").resolve(component.name() + ".log");
  }

  Path logs() {
    return home.resolve("logs");
  }

  Path pidFile(Component component) {
    return home.resolve("run").resolve(component.name() + ".pid");
  }

  void writePid(Component component, long pid) {
    try {
      Files.createDirectories(pidFile(component).getParent());
      Files.writeString(pidFile(component), Long.toString(pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<Long> readPid(Component component) {
    try {
      Path file = pidFile(component);
      return Files.isReadable(file)
          ? Optional.of(Long.parseLong(Files.readString(file).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  void forgetPid(Component component) {
    try {
      Files.deleteIfExists(pidFile(component));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
