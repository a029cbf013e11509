package io.huoshui.matching.config;

import io.huoshui.service.web.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The shared bearer-token chain: the API to valid tokens, nothing else. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityWebFilterChain matchingServiceSecurity(
      ServerHttpSecurity http, ProblemSecurityHandlers problems) {
    return problems.bearerTokensOnly(
        http,
        exchanges -> exchanges.pathMatchers("/api/v1/**").authenticated().anyExchange().denyAll());
  }
}
