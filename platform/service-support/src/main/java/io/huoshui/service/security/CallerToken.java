package io.huoshui.service.security;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The bearer token the request was authenticated with, which every parameter about the caller is
 * read from; a request without one is refused as {@link MissingTenantException}.
 */
final class CallerToken {

  private CallerToken() {}

  static Mono<Jwt> current() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(authentication -> ((JwtAuthenticationToken) authentication).getToken())
        .switchIfEmpty(Mono.error(MissingTenantException::new));
  }
}
