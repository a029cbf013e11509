package io.huoshui.service.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every reactive Huoshui process does the same way: request ids, problem+json errors and, for
 * the services behind the gateway, being a resource server of their own (defence in depth: a
 * request that bypasses the gateway gets nothing more).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ReactiveConventionsAutoConfiguration {

  @Bean
  Problems problems(JsonMapper json) {
    return new Problems(json);
  }

  @Bean
  RequestIds requestIds() {
    return new RequestIds();
  }

  @Bean
  ProblemExceptionHandler problemExceptionHandler(Problems problems) {
    return new ProblemExceptionHandler(problems);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ServerHttpSecurity.class)
  static class Security {

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(Problems problems) {
      return new ProblemSecurityHandlers(problems);
    }

    /**
     * A service answers its API to valid tokens only and shows health and metrics to the local
     * network; the gateway brings a chain of its own.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain serviceSecurity(
        ServerHttpSecurity http, ProblemSecurityHandlers problems) {
      return problems.bearerTokensOnly(
          http,
          exchanges ->
              exchanges.pathMatchers("/api/v1/**").authenticated().anyExchange().denyAll());
    }
  }
}
