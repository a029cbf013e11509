package io.huoshui.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.huoshui.service.secrets.SecretBox;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA keys that sign access tokens, kept in the database so that every replica signs with the
 * same key and a restart does not invalidate tokens. The newest key signs; a key it replaced stays
 * in the JWKS until the last token it signed has expired, so rotating never breaks a token in
 * flight.
 *
 * <p>The table holds each key's public part in the clear, for the JWKS, and the whole key sealed
 * with the {@link SecretBox}: a copy of the database signs nothing.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final Clock clock;
  private final Duration publishedAfterRetirement;
  private volatile KeyRing ring;

  /** The keys in the JWKS, newest first; the first one signs. */
  private record KeyRing(List<RSAKey> keys, Instant loadedAt) {
    RSAKey signing() {
      return keys.get(0);
    }
  }

  SigningKeys(
      JdbcClient jdbc,
      SecretBox box,
      Clock clock,
      @Value("${huoshui.identity.access-token-ttl}") Duration accessTokenTtl) {
    this.jdbc = jdbc;
    this.box = box;
    this.clock = clock;
    // A token may be used until it expires, and clocks drift a little.
    this.publishedAfterRetirement = accessTokenTtl.plusMinutes(5);
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) {
    return selector.select(new JWKSet(List.copyOf(current().keys())));
  }

  /** The key id that signs new tokens. */
  public String signingKeyId() {
    return current().signing().getKeyID();
  }

  /**
   * Makes a new key the signing key; the previous one is retired but stays published for a while.
   */
  @Transactional
  public String rotate() {
    Instant now = clock.instant();
    jdbc.sql("UPDATE signing_key SET retired_at = :now WHERE retired_at IS NULL")
        .param("now", Timestamp.from(now))
        .update();
    String kid = insertNewKey(now);
    ring = null;
    return kid;
  }

  /** Keys retired longer ago than any token they signed can live are no longer published. */
  @Scheduled(fixedDelayString = "PT10M")
  public void forgetExpiredKeys() {
    jdbc.sql("DELETE FROM signing_key WHERE retired_at < :before")
        .param("before", Timestamp.from(clock.instant().minus(publishedAfterRetirement)))
        .update();
    ring = null;
  }

  /**
   * Seals again, under the secret key that seals now, every signing key an older secret key sealed:
   * after a secret-key rotation, once this has run, the old secret key can be dropped.
   *
   * @return how many signing keys were re-sealed
   */
  @Transactional
  public int resealUnderCurrentKey() {
    record Row(String kid, String sealed) {}
    List<Row> stale =
        jdbc
            .sql("SELECT kid, sealed_private_jwk FROM signing_key FOR UPDATE")
            .query((row, number) -> new Row(row.getString(1), row.getString(2)))
            .list()
            .stream()
            .filter(row -> !box.isSealedWithCurrentKey(row.sealed()))
            .toList();
    for (Row row : stale) {
      jdbc.sql("UPDATE signing_key SET sealed_private_jwk = :sealed WHERE kid = :kid")
          .param("sealed", box.reseal(row.sealed(), purpose(row.kid())))
          .param("kid", row.kid())
          .update();
    }
    return stale.size();
  }

  /** What a signing key's sealed value is bound to: its own row, for this use only. */
  static String purpose(String kid) {
    return "signing_key:" + kid;
  }

  private KeyRing current() {
    KeyRing loaded = ring;
    if (loaded == null || loaded.loadedAt().isBefore(clock.instant().minusSeconds(30))) {
      loaded = load();
      ring = loaded;
    }
    return loaded;
  }

  private synchronized KeyRing load() {
    List<RSAKey> keys = published();
    if (keys.isEmpty()) {
      insertNewKey(clock.instant());
      keys = published();
    }
    return new KeyRing(keys, clock.instant());
  }

  private List<RSAKey> published() {
    return jdbc.sql(
            """
            SELECT kid, sealed_private_jwk FROM signing_key WHERE retired_at IS NULL OR retired_at >= :since
            ORDER BY (retired_at IS NULL) DESC, created_at DESC
            """)
        .param("since", Timestamp.from(clock.instant().minus(publishedAfterRetirement)))
        .query(
            (row, number) ->
                parse(box.open(row.getString("sealed_private_jwk"), purpose(row.getString("kid")))))
        .list();
  }

  private String insertNewKey(Instant now) {
    try {
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .issueTime(Date.from(now))
              .generate();
      jdbc.sql(
              """
              INSERT INTO signing_key (kid, jwk, sealed_private_jwk, created_at)
              VALUES (:kid, :jwk, :sealed, :now) ON CONFLICT DO NOTHING
              """)
          .param("kid", key.getKeyID())
          .param("jwk", key.toPublicJWK().toJSONString())
          .param("sealed", box.seal(key.toJSONString(), purpose(key.getKeyID())))
          .param("now", Timestamp.from(now))
          .update();
      return key.getKeyID();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not generate an RSA signing key", e);
    }
  }

  static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored signing key is not an RSA JWK", e);
    }
  }
}
