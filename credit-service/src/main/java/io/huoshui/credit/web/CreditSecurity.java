package io.huoshui.credit.web;

import io.huoshui.service.web.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The shared bearer-token chain, with the service's API description open to read. */
@Configuration(proxyBeanMethods = false)
class CreditSecurity {

  @Bean
  SecurityWebFilterChain apiAndItsDescription(
      ServerHttpSecurity http, ProblemSecurityHandlers problems) {
    return problems.bearerTokensOnly(
        http,
        exchanges ->
            exchanges
                .pathMatchers("/openapi/credit-service.yaml")
                .permitAll()
                .pathMatchers("/api/v1/**")
                .authenticated()
                .anyExchange()
                .denyAll());
  }
}
