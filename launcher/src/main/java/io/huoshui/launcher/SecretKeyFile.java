package io.huoshui.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local run's secret key (SecretBox: the services seal the secrets they store with it),
 * generated once in the data directory, readable by its owner only, and kept across down/up: a new
 * key would leave what the old one sealed unreadable.
 */
final class SecretKeyFile {

  private SecretKeyFile() {}

  static Path ensure(Path directory) {
    Path file = directory.resolve("secret-box.keys");
    if (Files.exists(file)) {
      return file;
    }
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Path written =
          Files.createTempFile(
              directory,
              "secret-box",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          written,
          "# The local run's secret key: <key id>=<base64 key>, the last line seals.\n"
              + "local-1="
              + Base64.getEncoder().encodeToString(key)
              + "\n");
      try {
        Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.delete(written);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the local run's secret key in " + directory, e);
    }
  }
}
