package io.huoshui.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing, cut-short or stale archive slows a start down, never stops it. */
class ClassDataSharingTest {

  @TempDir Path root;
  @TempDir Path home;

  @Test
  void aJarThatCannotBeExtractedRunsAsItIsWithoutAnArchive() throws Exception {
    Path jar = root.resolve("gateway/target/gateway.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "not a jar");

    ClassDataSharing.Launch launch =
        new ClassDataSharing(new Layout(root, home)).prepare(Network.GATEWAY);

    assertThat(launch.jar()).isEqualTo(jar);
    assertThat(launch.options()).isEmpty();
  }

  @Test
  void theFirstRunWritesAnArchiveTheNextOfAnyHomeReadsItAndARebuiltJarStartsOver()
      throws Exception {
    Path built = Path.of("..", "gateway", "target", "gateway.jar").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(built), "the gateway is not built");
    Path jar = root.resolve("gateway/target/gateway.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(built, jar);
    Path directory = root.resolve("gateway/target/cds");
    Path archive = directory.resolve("gateway.jsa");

    ClassDataSharing.Launch first =
        new ClassDataSharing(new Layout(root, home)).prepare(Network.GATEWAY);
    assertThat(first.jar()).isEqualTo(directory.resolve("app/gateway.jar"));
    assertThat(first.jar()).isRegularFile();
    Path part = writtenAtExit(first);
    assertThat(part.getParent()).isEqualTo(directory);

    Files.write(part, new byte[64]);
    Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(120)));
    ClassDataSharing.Launch afterACutShortArchive =
        new ClassDataSharing(new Layout(root, home)).prepare(Network.GATEWAY);
    assertThat(part).as("an archive cut short is dropped").doesNotExist();
    Path second = writtenAtExit(afterACutShortArchive);

    Files.write(
        second, ByteBuffer.allocate(64).order(ByteOrder.nativeOrder()).putInt(0xf00baba8).array());
    Path otherHome = Files.createDirectories(home.resolve("other"));
    assertThat(new ClassDataSharing(new Layout(root, otherHome)).prepare(Network.GATEWAY).options())
        .as("another home maps the archive the first one wrote")
        .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    assertThat(second).doesNotExist();

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    ClassDataSharing.Launch rebuilt =
        new ClassDataSharing(new Layout(root, home)).prepare(Network.GATEWAY);
    assertThat(rebuilt.jar()).isRegularFile();
    assertThat(archive).doesNotExist();
    assertThat(writtenAtExit(rebuilt).getParent()).isEqualTo(directory);
  }

  private static Path writtenAtExit(ClassDataSharing.Launch launch) {
    assertThat(launch.options()).hasSize(1);
    String option = launch.options().get(0);
    assertThat(option).startsWith("-XX:ArchiveClassesAtExit=").endsWith(".jsa.part");
    return Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
  }
}
