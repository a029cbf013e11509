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
  void theFirstRunWritesTheArchiveTheNextReadsItAndARebuiltJarStartsOver() throws Exception {
    Path built = Path.of("..", "gateway", "target", "gateway.jar").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(built), "the gateway is not built");
    Path jar = root.resolve("gateway/target/gateway.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(built, jar);
    ClassDataSharing classData = new ClassDataSharing(new Layout(root, home));
    Path archive = home.resolve("cds/gateway/gateway.jsa");

    ClassDataSharing.Launch first = classData.prepare(Network.GATEWAY);
    assertThat(first.jar()).isEqualTo(home.resolve("cds/gateway/app/gateway.jar"));
    assertThat(first.jar()).isRegularFile();
    assertThat(first.options()).containsExactly("-XX:ArchiveClassesAtExit=" + archive);

    Files.write(archive, new byte[64]);
    assertThat(classData.prepare(Network.GATEWAY).options())
        .as("an archive cut short is written again")
        .containsExactly("-XX:ArchiveClassesAtExit=" + archive);

    Files.write(
        archive, ByteBuffer.allocate(64).order(ByteOrder.nativeOrder()).putInt(0xf00baba8).array());
    assertThat(classData.prepare(Network.GATEWAY).options())
        .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    ClassDataSharing.Launch rebuilt = classData.prepare(Network.GATEWAY);
    assertThat(rebuilt.jar()).isRegularFile();
    assertThat(archive).doesNotExist();
    assertThat(rebuilt.options()).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
  }
}
