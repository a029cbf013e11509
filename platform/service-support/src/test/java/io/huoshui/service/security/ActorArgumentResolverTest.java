package io.huoshui.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huoshui.service.web.RequestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class ActorArgumentResolverTest {

  private final ActorArgumentResolver resolver = new ActorArgumentResolver();

  @Test
  void theActorIsTheTokensClientAndTheRequestsId() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/api/v1/projects")
                .header(RequestIds.HEADER, "county-portal-0042"));
    Jwt token =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("county-140428-portal")
            .issuedAt(Instant.parse("2026-10-01T00:00:00Z"))
            .expiresAt(Instant.parse("2026-10-01T01:00:00Z"))
            .build();

    Object actor =
        resolver
            .resolveArgument(null, null, exchange)
            .contextWrite(
                ReactiveSecurityContextHolder.withAuthentication(new JwtAuthenticationToken(token)))
            .block();

    assertThat(actor).isEqualTo(new Actor("county-140428-portal", "county-portal-0042"));
  }

  @Test
  void withoutATokenThereIsNoActor() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/projects"));

    assertThatThrownBy(() -> resolver.resolveArgument(null, null, exchange).block())
        .isInstanceOf(MissingTenantException.class);
  }
}
