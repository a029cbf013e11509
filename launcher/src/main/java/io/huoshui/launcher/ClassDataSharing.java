package io.huoshui.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing for the services: six JVMs starting at once on two cores spend
 * most of their start loading and verifying the same classes every time. JDK 17 writes a dynamic
 * archive when a JVM exits ({@code -XX:ArchiveClassesAtExit}, so at the first {@code down}) and
 * maps it on the next start ({@code -XX:SharedArchiveFile}).
 *
 * <p>CDS cannot archive classes that Spring Boot's loader reads from the jars nested in an
 * executable jar, so a service runs from its jar extracted by Spring Boot's jarmode tools into
 * {@code .huoshui/cds/<service>}, re-extracted whenever the jar is rebuilt. Nothing here may keep a
 * service from starting: when extraction fails the service runs from its executable jar without an
 * archive, and the JVM ignores an archive that does not match ({@code -Xshare:auto}).
 */
final class ClassDataSharing {

  /** What to run a service from, and the options that read or write its archive. */
  record Launch(Path jar, List<String> options) {}

  /** HotSpot's CDS_DYNAMIC_ARCHIVE_MAGIC. */
  private static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

  private final Layout layout;

  ClassDataSharing(Layout layout) {
    this.layout = layout;
  }

  /**
   * Extracts the service's jar unless its extraction is current; blocks for a few seconds when it
   * is not. Returns how to launch it, or the executable jar alone when extracting failed.
   */
  Launch prepare(Component service) {
    Path jar = service.jar(layout.root()).orElseThrow();
    Path directory = layout.home().resolve("cds").resolve(service.name());
    Path extracted = directory.resolve("app").resolve(jar.getFileName());
    Path stamp = directory.resolve("extracted-from");
    Path archive = directory.resolve(service.name() + ".jsa");
    try {
      String source = describe(jar);
      if (!Files.isRegularFile(extracted)
          || !Files.isReadable(stamp)
          || !Files.readString(stamp).equals(source)) {
        deleteRecursively(directory);
        extract(jar, directory.resolve("app"), directory.resolve("extract.log"));
        Files.writeString(stamp, source);
      }
      List<String> options = new ArrayList<>();
      if (complete(archive)) {
        options.add("-XX:SharedArchiveFile=" + archive);
        options.add("-Xshare:auto");
      } else {
        options.add("-XX:ArchiveClassesAtExit=" + archive);
      }
      return new Launch(extracted, options);
    } catch (IOException | RuntimeException e) {
      return new Launch(jar, List.of());
    }
  }

  /**
   * Whether the file starts with the magic number of a JDK dynamic archive, which the JVM writes
   * last: an archive cut short (the JVM killed while writing it) is made again rather than ignored
   * on every start.
   */
  private static boolean complete(Path archive) {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    try (var in = Files.newByteChannel(archive)) {
      ByteBuffer magic = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
      return in.read(magic) == 4 && magic.getInt(0) == DYNAMIC_ARCHIVE_MAGIC;
    } catch (IOException e) {
      return false;
    }
  }

  /** Size and time of the executable jar: a rebuilt jar differs in one or the other. */
  private static String describe(Path jar) throws IOException {
    return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + jar;
  }

  private static void extract(Path jar, Path destination, Path log) throws IOException {
    Files.createDirectories(destination.getParent());
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                destination.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("extracting " + jar + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while extracting " + jar);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
