package io.huoshui.service.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class SecretBoxTest {

  private static final byte[] OLD = Base64.getDecoder().decode(SecretBox.newKey());
  private static final byte[] NEW = Base64.getDecoder().decode(SecretBox.newKey());

  @Test
  void aSealedSecretOpensForItsPurposeOnlyAndShowsNothingInTheClear() {
    SecretBox box = SecretBox.of(Map.of("k1", OLD), "k1");
    String secret = "{\"d\":\"private-exponent-银行\"}";

    String sealed = box.seal(secret, "signing_key:a");

    assertThat(sealed).startsWith("hsb1.k1.").doesNotContain("private-exponent");
    assertThat(box.open(sealed, "signing_key:a")).isEqualTo(secret);
    assertThatThrownBy(() -> box.open(sealed, "signing_key:b"))
        .isInstanceOf(SecretBoxException.class)
        .hasMessageNotContaining("private-exponent");
  }

  @Test
  void everySealingHasANonceOfItsOwn() {
    SecretBox box = SecretBox.of(Map.of("k1", OLD), "k1");
    assertThat(box.seal("same", "p")).isNotEqualTo(box.seal("same", "p"));
  }

  @Test
  void anAlteredValueOrASwappedKeyIdDoesNotOpen() {
    SecretBox box = SecretBox.of(Map.of("k1", OLD, "k2", NEW), "k1");
    String sealed = box.seal("secret", "p");
    // A character in the middle: the last one may carry only padding bits, which decoding drops.
    int middle = "hsb1.k1.".length() + 20;
    char original = sealed.charAt(middle);
    String altered =
        sealed.substring(0, middle) + (original == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

    assertThatThrownBy(() -> box.open(altered, "p")).isInstanceOf(SecretBoxException.class);
    assertThatThrownBy(() -> box.open(sealed.replace("hsb1.k1.", "hsb1.k2."), "p"))
        .isInstanceOf(SecretBoxException.class);
    assertThatThrownBy(() -> box.open("plain text", "p")).isInstanceOf(SecretBoxException.class);
  }

  @Test
  void aRotatedKeyStillOpensWhatTheOldOneSealedAndResealsIt() {
    String sealedBefore = SecretBox.of(Map.of("k1", OLD), "k1").seal("secret", "p");
    SecretBox rotated = SecretBox.of(Map.of("k1", OLD, "k2", NEW), "k2");

    assertThat(rotated.isSealedWithCurrentKey(sealedBefore)).isFalse();
    assertThat(rotated.open(sealedBefore, "p")).isEqualTo("secret");
    String resealed = rotated.reseal(sealedBefore, "p");
    assertThat(resealed).startsWith("hsb1.k2.");
    assertThat(rotated.isSealedWithCurrentKey(resealed)).isTrue();
    assertThat(SecretBox.of(Map.of("k2", NEW), "k2").open(resealed, "p")).isEqualTo("secret");
  }

  @Test
  void withoutAKeyNothingStartsAndSaysWhatToSet() {
    assertThatThrownBy(() -> SecretBox.fromEnvironment(new MockEnvironment()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("huoshui.secrets.keys");
    assertThatThrownBy(() -> SecretBox.of(Map.of("k1", new byte[16]), "k1"))
        .hasMessageContaining("AES-256");
    assertThatThrownBy(() -> SecretBox.of(Map.of("k1", OLD), "k9"))
        .hasMessageContaining("current-key");
  }

  @Test
  void keysComeFromPropertiesAndAKeyFileWhoseLastLineSeals(@TempDir Path directory)
      throws Exception {
    Path file = directory.resolve("secret-box.keys");
    Files.writeString(
        file,
        "# generated once\nk1=%s\nk2=%s\n"
            .formatted(
                Base64.getEncoder().encodeToString(OLD), Base64.getEncoder().encodeToString(NEW)),
        StandardCharsets.UTF_8);

    SecretBox fromFile =
        SecretBox.fromEnvironment(
            new MockEnvironment().withProperty("huoshui.secrets.key-file", file.toString()));
    assertThat(fromFile.seal("x", "p")).startsWith("hsb1.k2.");
    assertThat(fromFile.toString()).contains("k1", "k2").doesNotContain(SecretBox.newKey());

    SecretBox fromProperties =
        SecretBox.fromEnvironment(
            new MockEnvironment()
                .withProperty("huoshui.secrets.keys.k1", Base64.getEncoder().encodeToString(OLD))
                .withProperty("huoshui.secrets.current-key", "k1"));
    assertThat(fromFile.open(fromProperties.seal("x", "p"), "p")).isEqualTo("x");
  }

  @Test
  void keysComeFromEnvironmentVariablesAsDockerComposeSetsThem() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                    "HUOSHUI_SECRETS_KEYS_K1", Base64.getEncoder().encodeToString(OLD),
                    "HUOSHUI_SECRETS_KEYS_K2", Base64.getEncoder().encodeToString(NEW),
                    "HUOSHUI_SECRETS_CURRENT_KEY", "k1")));

    SecretBox box = SecretBox.fromEnvironment(environment);

    assertThat(box.seal("x", "p")).startsWith("hsb1.k1.");
    assertThat(box.toString()).contains("k1", "k2");
  }
}
