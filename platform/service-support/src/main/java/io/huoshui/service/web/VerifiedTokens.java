package io.huoshui.service.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the access tokens whose signature was verified, so that a client sending the same token
 * with every request costs one RSA verification per token and not one per request: a county portal
 * or a bank holds its token for its whole lifetime, and decoding tokens took 14 % of the gateway's
 * CPU under load, more than half of it the signature (profiled, BENCHMARKS.md). A remembered token
 * is still checked for expiry on every use, with the same clock skew as the decoder's own
 * validation, and is verified anew after {@link #REVERIFY_AFTER}, so that what changed at the
 * identity service since (a key withdrawn from the key set) reaches a long-lived token within that
 * time. Tokens that failed are not remembered: each attempt with one is verified and refused again.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

  /** Clients number in the hundreds; a flood of distinct tokens evicts the eldest. */
  static final int CAPACITY = 4_096;

  private record Verified(Jwt jwt, Instant at) {}

  private final ReactiveJwtDecoder decoder;
  private final Clock clock;
  private final JwtTimestampValidator stillValid = new JwtTimestampValidator();

  private final Map<String, Verified> verified =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
          return size() > CAPACITY;
        }
      };

  VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
    stillValid.setClock(clock);
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Verified known = remembered(token);
    if (known != null) {
      return Mono.just(known.jwt());
    }
    return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  private Verified remembered(String token) {
    Verified known;
    synchronized (verified) {
      known = verified.get(token);
    }
    if (known == null) {
      return null;
    }
    boolean fresh = known.at().plus(REVERIFY_AFTER).isAfter(clock.instant());
    if (fresh && !stillValid.validate(known.jwt()).hasErrors()) {
      return known;
    }
    synchronized (verified) {
      verified.remove(token);
    }
    return null;
  }

  private void remember(String token, Jwt jwt) {
    synchronized (verified) {
      verified.put(token, new Verified(jwt, clock.instant()));
    }
  }
}
