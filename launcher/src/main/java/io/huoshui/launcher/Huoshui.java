package io.huoshui.launcher;

import io.huoshui.infrastructure.InfrastructureException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./huoshui up | down | status}: runs the whole network on this machine as separate
 * processes. The shell script in the repository root checks Java and builds what is missing first.
 */
public final class Huoshui {

  private Huoshui() {}

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    Path root = Path.of(System.getProperty("huoshui.root", ".")).toAbsolutePath().normalize();
    Path home =
        Path.of(System.getProperty("huoshui.home", root.resolve(".huoshui").toString()))
            .toAbsolutePath()
            .normalize();
    LocalNetwork network = new LocalNetwork(new Layout(root, home), System.out);
    String command = arguments.isEmpty() ? "help" : arguments.get(0);
    try {
      int status =
          switch (command) {
            case "up" -> network.up(arguments.contains("--demo"));
            case "down" -> network.down();
            case "status" -> network.status();
            default -> usage();
          };
      System.exit(status);
    } catch (LaunchException | InfrastructureException e) {
      System.err.println();
      System.err.println("huoshui " + command + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private static int usage() {
    System.out.println(
        """
        usage: ./huoshui up [--demo]   start PostgreSQL, Kafka, every service and the gateway
                                       (and Prometheus, where it is installed)
               ./huoshui down          stop everything `up` started
               ./huoshui status        what runs, on which port, and whether it is healthy\
        """);
    return 1;
  }
}
