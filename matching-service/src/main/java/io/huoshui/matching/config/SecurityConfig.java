package io.huoshui.matching.config;

import io.huoshui.service.web.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The shared bearer-token chain, plus the API's own OpenAPI document, which is public: portals read
 * it before they have a client.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String OPENAPI_DOCUMENT = "/openapi/matching-service.yaml";

  @Bean
  SecurityWebFilterChain matchingServiceSecurity(
      ServerHttpSecurity http, ProblemSecurityHandlers problems) {
    return problems.bearerTokensOnly(
        http,
        exchanges ->
            exchanges
                .pathMatchers(HttpMethod.GET, OPENAPI_DOCUMENT)
                .permitAll()
                .pathMatchers("/api/v1/**")
                .authenticated()
                .anyExchange()
                .denyAll());
  }
}
