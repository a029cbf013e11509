package io.huoshui.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code Huoshui-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code "<t>.<body>"}, keyed with the endpoint's secret (its UTF-8 bytes). docs/webhooks.md shows
 * a receiver how to check it.
 */
final class Signatures {

  static final String HEADER = "Huoshui-Signature";
  static final String NOTIFICATION_ID_HEADER = "Huoshui-Notification-Id";

  private static final String ALGORITHM = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** A new endpoint secret: 256 random bits. */
  static String newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "whsec_" + HexFormat.of().formatHex(secret);
  }

  static String header(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + sign(secret, unixSeconds, body);
  }

  static String sign(String secret, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
