package io.huoshui.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

  private static final Instant ISSUED = Instant.parse("2026-12-04T02:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(30);
  private static final Duration BRIEF_LIFETIME = Duration.ofMinutes(2);

  private final MovableClock clock = new MovableClock(ISSUED);
  private final List<String> verifications = new ArrayList<>();

  /**
   * Verifies a token named "good-…" (valid for two minutes where it says "brief", else thirty) and
   * refuses any other, recording each verification.
   */
  private final ReactiveJwtDecoder signatureCheck =
      token -> {
        verifications.add(token);
        if (!token.startsWith("good-")) {
          return Mono.error(new BadJwtException("signature does not verify"));
        }
        return Mono.just(
            Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("county-140428")
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(token.contains("brief") ? BRIEF_LIFETIME : LIFETIME))
                .build());
      };

  private final VerifiedTokens tokens = new VerifiedTokens(signatureCheck, clock);

  @Test
  void aTokenSentWithEveryRequestIsVerifiedOnce() {
    for (int request = 0; request < 5; request++) {
      clock.advance(Duration.ofSeconds(30));
      assertThat(tokens.decode("good-portal").block().getSubject()).isEqualTo("county-140428");
    }

    assertThat(verifications).containsExactly("good-portal");
  }

  @Test
  void aTokenThatFailedIsVerifiedAndRefusedAgainEachTime() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
    }

    assertThat(verifications).containsExactly("forged", "forged");
  }

  @Test
  void aRememberedTokenIsVerifiedAnewAfterFiveMinutes() {
    tokens.decode("good-portal").block();
    clock.advance(VerifiedTokens.REVERIFY_AFTER.minusSeconds(1));
    tokens.decode("good-portal").block();
    clock.advance(Duration.ofSeconds(1));
    tokens.decode("good-portal").block();

    assertThat(verifications).containsExactly("good-portal", "good-portal");
  }

  @Test
  void anExpiredTokenIsNotAnsweredFromMemory() {
    tokens.decode("good-brief").block();
    // The decoder's own validation allows a minute of clock skew past the expiry.
    clock.advance(BRIEF_LIFETIME.plusSeconds(59));
    tokens.decode("good-brief").block();
    clock.advance(Duration.ofSeconds(2));
    tokens.decode("good-brief").block();

    assertThat(verifications).containsExactly("good-brief", "good-brief");
  }

  @Test
  void aFloodOfDistinctTokensEvictsTheEldestAndKeepsTheRecent() {
    for (int token = 0; token <= VerifiedTokens.CAPACITY; token++) {
      tokens.decode("good-" + token).block();
    }
    verifications.clear();

    tokens.decode("good-" + VerifiedTokens.CAPACITY).block();
    tokens.decode("good-0").block();

    assertThat(verifications).containsExactly("good-0");
  }

  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    void set(Instant to) {
      now = to;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
