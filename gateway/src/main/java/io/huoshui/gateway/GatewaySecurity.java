package io.huoshui.gateway;

import io.huoshui.service.web.ProblemSecurityHandlers;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway turns away a request without a valid token before routing it. Only the token
 * endpoint, the published keys, the API documents and their page, and the gateway's own health and
 * metrics are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewaySecurity {

  @Bean
  SecurityWebFilterChain tokenRequiredBeforeRouting(
      ServerHttpSecurity http, ProblemSecurityHandlers problems) {
    return problems.bearerTokensOnly(
        http.cors(Customizer.withDefaults()),
        exchanges ->
            exchanges
                .pathMatchers(
                    "/oauth2/token", "/oauth2/jwks", "/.well-known/oauth-authorization-server")
                .permitAll()
                .pathMatchers("/fallback/**")
                .permitAll()
                .pathMatchers(HttpMethod.GET, ApiDocumentsController.PAGE)
                .permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/api/**", "/oauth2/**")
                .permitAll()
                .pathMatchers("/api/v1/**")
                .authenticated()
                .anyExchange()
                .denyAll());
  }

  /**
   * Browser portals on the configured origins may call the API; no origin is allowed by default.
   */
  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
    cors.setExposedHeaders(List.of("Location", "Retry-After", "X-Request-Id"));
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    source.registerCorsConfiguration("/oauth2/token", cors);
    return source;
  }
}
