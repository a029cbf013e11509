package io.huoshui.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One process of the local network: what it is, the ports it takes, how to recognise its process
 * (so that a recycled process id is never signalled) and where it reports health.
 */
record Component(
    String name,
    Kind kind,
    List<Integer> ports,
    String processMarker,
    String module,
    List<String> arguments) {

  enum Kind {
    POSTGRES,
    KAFKA,
    SERVICE,
    PROMETHEUS
  }

  static Component service(String module, int port) {
    return new Component(module, Kind.SERVICE, List.of(port), markerOf(module), module, List.of());
  }

  /** The same component, started with these program arguments. */
  Component withArguments(String... arguments) {
    return new Component(name, kind, ports, processMarker, module, List.of(arguments));
  }

  /**
   * The first option on a service's command line: recognisable in a process listing, and tells a
   * recycled process id from ours.
   */
  static String markerOf(String name) {
    return "-Dhuoshui.component=" + name;
  }

  int port() {
    return ports.get(0);
  }

  /** The executable jar Maven builds for a service. */
  Optional<Path> jar(Path root) {
    return kind == Kind.SERVICE
        ? Optional.of(root.resolve(module).resolve("target").resolve(module + ".jar"))
        : Optional.empty();
  }

  String healthUrl() {
    return "http://127.0.0.1:%d/actuator/health".formatted(port());
  }

  String url() {
    return switch (kind) {
      case POSTGRES -> "postgresql://localhost:%d (user postgres)".formatted(port());
      case KAFKA -> "127.0.0.1:%d".formatted(port());
      case SERVICE, PROMETHEUS -> "http://localhost:%d".formatted(port());
    };
  }
}
