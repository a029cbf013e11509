package io.huoshui.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.huoshui.vocabulary.Scopes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens for service tests, signed with RSA by an issuer of this test JVM whose JWKS is
 * served over HTTP, so that a service verifies them exactly as it verifies the identity service's:
 * fetched keys, signature, issuer, expiry. {@link RealInfrastructure} points the service at it. The
 * claims are those the identity service issues: {@code tenant_type}, {@code tenant_id}, {@code
 * scope}.
 */
public final class TestTokens {

  /** The scopes the identity service grants each tenant type, from where it defines them. */
  public static final List<String> COUNTY_SCOPES = Scopes.COUNTY;

  public static final List<String> BANK_SCOPES = Scopes.BANK;

  public static final List<String> OPERATOR_SCOPES = Scopes.OPERATOR;

  private static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  private static Issuer issuer;

  private TestTokens() {}

  public static String county(String divisionCode) {
    return issue("COUNTY", divisionCode, COUNTY_SCOPES, DEFAULT_TTL);
  }

  public static String bank(String bankCode) {
    return issue("BANK", bankCode, BANK_SCOPES, DEFAULT_TTL);
  }

  public static String operator(String regionCode) {
    return issue("OPERATOR", regionCode, OPERATOR_SCOPES, DEFAULT_TTL);
  }

  /** A token of any shape: fewer scopes, a past expiry (a negative ttl) and so on. */
  public static String issue(
      String tenantType, String tenantId, List<String> scopes, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuerUri())
            .subject(tenantType.toLowerCase() + "-" + tenantId)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
            .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(20))))
            .expirationTime(Date.from(now.plus(ttl)))
            .claim("tenant_type", tenantType)
            .claim("tenant_id", tenantId)
            .claim("scope", scopes)
            .build();
    return sign(claims, issuer().key);
  }

  /** A well-formed token signed by a key the issuer never published. */
  public static String signedByStranger(String tenantType, String tenantId) {
    try {
      RSAKey stranger = new RSAKeyGenerator(2048).keyID(issuer().key.getKeyID()).generate();
      SignedJWT genuine = SignedJWT.parse(issue(tenantType, tenantId, List.of(), DEFAULT_TTL));
      return sign(genuine.getJWTClaimsSet(), stranger);
    } catch (JOSEException | java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String issuerUri() {
    return issuer().uri;
  }

  public static String jwkSetUri() {
    return issuer().uri + "/oauth2/jwks";
  }

  private static String sign(JWTClaimsSet claims, RSAKey key) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized Issuer issuer() {
    if (issuer == null) {
      issuer = Issuer.start();
    }
    return issuer;
  }

  private record Issuer(RSAKey key, String uri) {

    static Issuer start() {
      try {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test-issuer-" + UUID.randomUUID()).generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
            "/oauth2/jwks",
            exchange -> {
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, jwks.length);
              try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
              }
            });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        return new Issuer(key, "http://127.0.0.1:" + server.getAddress().getPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
