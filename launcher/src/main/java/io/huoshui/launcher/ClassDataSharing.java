package io.huoshui.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
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
 * {@code <module>/target/cds}, re-extracted whenever the jar is rebuilt. The extraction and the
 * archive belong to the build, not to a home: a network started in an empty home (the load
 * benchmark's, the system tests') maps the archive an earlier run of the same jar wrote. A JVM
 * writes its archive to a file of its own, adopted by the next start that finds it complete, so
 * that two networks on one build never write the same file. Nothing here may keep a service from
 * starting: when extraction fails the service runs from its executable jar without an archive, and
 * the JVM ignores an archive that does not match ({@code -Xshare:auto}).
 */
final class ClassDataSharing {

  /** What to run a service from, and the options that read or write its archive. */
  record Launch(Path jar, List<String> options) {}

  /** HotSpot's CDS_DYNAMIC_ARCHIVE_MAGIC. */
  private static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

  private static final String PART = ".jsa.part";

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
    Path directory = jar.resolveSibling("cds");
    Path extracted = directory.resolve("app").resolve(jar.getFileName());
    Path stamp = directory.resolve("extracted-from");
    Path archive = directory.resolve(service.name() + ".jsa");
    try {
      Files.createDirectories(directory);
      // Another network starting from the same build waits here rather than reading a half-made
      // extraction.
      try (FileChannel lock =
              FileChannel.open(
                  directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lock.lock()) {
        String source = describe(jar);
        if (!Files.isRegularFile(extracted)
            || !Files.isReadable(stamp)
            || !Files.readString(stamp).equals(source)) {
          deleteAllBut(directory, directory.resolve("lock"));
          extract(jar, directory.resolve("app"), directory.resolve("extract.log"));
          Files.writeString(stamp, source);
        }
        adoptWrittenArchive(directory, service, archive);
      }
      List<String> options = new ArrayList<>();
      if (complete(archive)) {
        options.add("-XX:SharedArchiveFile=" + archive);
        options.add("-Xshare:auto");
      } else {
        Path part = directory.resolve(service.name() + "-" + UUID.randomUUID() + PART);
        options.add("-XX:ArchiveClassesAtExit=" + part);
      }
      return new Launch(extracted, options);
    } catch (IOException | RuntimeException e) {
      return new Launch(jar, List.of());
    }
  }

  /**
   * Makes the first complete archive an earlier JVM wrote at its exit the service's archive, and
   * drops the rest (cut short, or written by a second JVM of the same jar).
   */
  private static void adoptWrittenArchive(Path directory, Component service, Path archive)
      throws IOException {
    List<Path> written;
    try (Stream<Path> files = Files.list(directory)) {
      written =
          files
              .filter(f -> f.getFileName().toString().startsWith(service.name() + "-"))
              .filter(f -> f.getFileName().toString().endsWith(PART))
              .toList();
    }
    for (Path part : written) {
      if (!complete(archive) && complete(part)) {
        Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
      } else if (!isBeingWritten(part)) {
        Files.deleteIfExists(part);
      }
    }
  }

  /** A JVM writes its archive in the seconds before it exits; a part younger than that may grow. */
  private static boolean isBeingWritten(Path part) throws IOException {
    return Files.getLastModifiedTime(part).toMillis() > System.currentTimeMillis() - 60_000;
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

  private static void deleteAllBut(Path directory, Path kept) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(kept) && !path.equals(directory)) {
          Files.delete(path);
        }
      }
    }
  }
}
