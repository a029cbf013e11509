package io.huoshui.service.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Seals secrets for storage with AES-256-GCM under a key from configuration, and opens them again.
 *
 * <p>A sealed value is text, {@code hsb1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>}: the key
 * id travels with each value, so that a new key can seal from now on while the old one still opens
 * what it sealed, and a maintenance task re-seals old values ({@link #isSealedWithCurrentKey},
 * {@link #reseal}) before the old key is dropped. Every value gets a random 96-bit nonce. The
 * {@code purpose} given to {@link #seal} and {@link #open} (say {@code "signing_key:" + kid}) is
 * authenticated with the value, so a value copied to another row or another use does not open.
 *
 * <p>Configuration ({@link #fromEnvironment}): {@code huoshui.secrets.keys.<key id>} a base64
 * 256-bit key (environment: {@code HUOSHUI_SECRETS_KEYS_<KEY ID>}), and/or {@code
 * huoshui.secrets.key-file}, a file of {@code <key id>=<base64 key>} lines; {@code
 * huoshui.secrets.current-key} the key id that seals (by default the key file's last line). Without
 * any key a service refuses to start: there is no built-in key.
 *
 * <p>Neither a plaintext nor a key is ever put in an exception's message, a log line or {@link
 * #toString()}.
 */
public final class SecretBox {

  private static final String VERSION = "hsb1";
  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKeySpec> keys;
  private final String currentKeyId;

  private SecretBox(Map<String, SecretKeySpec> keys, String currentKeyId) {
    this.keys = keys;
    this.currentKeyId = currentKeyId;
  }

  /**
   * A box with these keys (key id to 32 raw bytes) that seals with {@code currentKeyId}.
   *
   * @throws IllegalArgumentException when there is no key, a key is not 256 bits, a key id is not
   *     of lower-case letters, digits, {@code -} and {@code _}, or the current key is not among
   *     them
   */
  public static SecretBox of(Map<String, byte[]> keys, String currentKeyId) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "没有配置加密密钥 (no secret key configured): set huoshui.secrets.keys.<key id> or"
              + " huoshui.secrets.key-file");
    }
    Map<String, SecretKeySpec> specs = new LinkedHashMap<>();
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "secret key id '%s' must match %s".formatted(id, KEY_ID.pattern()));
          }
          if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "secret key '%s' has %d bytes, AES-256 needs %d"
                    .formatted(id, key.length, KEY_BYTES));
          }
          specs.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
    if (!specs.containsKey(currentKeyId)) {
      throw new IllegalArgumentException(
          "huoshui.secrets.current-key '%s' is none of the configured keys %s"
              .formatted(currentKeyId, specs.keySet()));
    }
    return new SecretBox(Map.copyOf(specs), currentKeyId);
  }

  /** The box a service's configuration describes (see the class comment). */
  public static SecretBox fromEnvironment(Environment environment) {
    Binder binder = Binder.get(environment);
    Map<String, String> configured = new LinkedHashMap<>();
    String file = environment.getProperty("huoshui.secrets.key-file", "");
    if (!file.isBlank()) {
      configured.putAll(readKeyFile(Path.of(file)));
    }
    configured.putAll(
        binder
            .bind("huoshui.secrets.keys", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of()));
    List<String> ids = List.copyOf(configured.keySet());
    String current =
        environment.getProperty(
            "huoshui.secrets.current-key", ids.isEmpty() ? "" : ids.get(ids.size() - 1));
    Map<String, byte[]> keys = new LinkedHashMap<>();
    configured.forEach((id, key) -> keys.put(id, decodeKey(id, key)));
    return of(keys, current);
  }

  /** A new random key, base64: what a key file or {@code huoshui.secrets.keys.<id>} holds. */
  public static String newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Seals a secret for the given purpose under the current key. */
  public String seal(String plaintext, String purpose) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, currentKeyId, nonce, purpose, utf8(plaintext));
    byte[] value = new byte[NONCE_BYTES + sealed.length];
    System.arraycopy(nonce, 0, value, 0, NONCE_BYTES);
    System.arraycopy(sealed, 0, value, NONCE_BYTES, sealed.length);
    return VERSION
        + "."
        + currentKeyId
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /**
   * Opens a value sealed for the same purpose.
   *
   * @throws SecretBoxException when the value is malformed, its key is not configured, or it was
   *     sealed for another purpose or altered
   */
  public String open(String sealed, String purpose) {
    Sealed parts = parse(sealed);
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(parts.value(), 0, nonce, 0, NONCE_BYTES);
    byte[] body = new byte[parts.value().length - NONCE_BYTES];
    System.arraycopy(parts.value(), NONCE_BYTES, body, 0, body.length);
    return new String(
        crypt(Cipher.DECRYPT_MODE, parts.keyId(), nonce, purpose, body), StandardCharsets.UTF_8);
  }

  /** Whether a sealed value is under the key that seals now; false ones want {@link #reseal}. */
  public boolean isSealedWithCurrentKey(String sealed) {
    return parse(sealed).keyId().equals(currentKeyId);
  }

  /** The same secret sealed again under the current key, for the same purpose. */
  public String reseal(String sealed, String purpose) {
    return seal(open(sealed, purpose), purpose);
  }

  /** Whether a stored value looks sealed at all (rather than a plaintext of older rows). */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(VERSION + ".");
  }

  /** The key ids, never the keys. */
  @Override
  public String toString() {
    return "SecretBox[keys="
        + keys.keySet().stream().sorted().toList()
        + ", current="
        + currentKeyId
        + "]";
  }

  private record Sealed(String keyId, byte[] value) {}

  private Sealed parse(String sealed) {
    String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SecretBoxException("not a sealed value");
    }
    if (!keys.containsKey(parts[1])) {
      throw new SecretBoxException(
          "sealed with key '%s', which is not configured (configured: %s)"
              .formatted(parts[1], keys.keySet().stream().sorted().toList()));
    }
    byte[] value;
    try {
      value = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new SecretBoxException("not a sealed value");
    }
    if (value.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new SecretBoxException("not a sealed value");
    }
    return new Sealed(parts[1], value);
  }

  private byte[] crypt(int mode, String keyId, byte[] nonce, String purpose, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
      // The version and key id are authenticated too, so that neither can be swapped.
      cipher.updateAAD(utf8(VERSION + "." + keyId + "." + purpose));
      return cipher.doFinal(input);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SecretBoxException(
          "sealed value does not open: altered, or sealed for another purpose than '%s'"
              .formatted(purpose));
    } catch (GeneralSecurityException e) {
      throw new SecretBoxException("AES-GCM unavailable: " + e.getClass().getSimpleName());
    }
  }

  private static Map<String, String> readKeyFile(Path file) {
    try {
      Map<String, String> keys = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int equals = trimmed.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException(
              "huoshui.secrets.key-file " + file + ": a line is not <key id>=<base64 key>");
        }
        keys.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "huoshui.secrets.key-file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static byte[] decodeKey(String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret key '" + id + "' is not base64");
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
