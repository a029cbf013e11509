package io.huoshui.service.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.huoshui.service.idempotency.IdempotentRequests;
import io.huoshui.service.security.ActorArgumentResolver;
import io.huoshui.service.security.TenantArgumentResolver;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every reactive Huoshui process does the same way: request ids, problem+json errors and, for
 * the services behind the gateway, being a resource server of their own (defence in depth: a
 * request that bypasses the gateway gets nothing more).
 */
// After the event plumbing, which brings the Clock, and after R2DBC, whose DatabaseClient the
// idempotency record needs.
@AutoConfiguration(
    afterName = {
      "io.huoshui.eventing.EventingAutoConfiguration",
      "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
    })
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

  /**
   * The API's JSON: a field the API does not know is refused rather than silently dropped (a
   * misspelt {@code amountRequestd} must not create a demand without an amount), and money is
   * written as an exact decimal string, never through a double.
   */
  @Bean
  JsonMapperBuilderCustomizer strictApiJson() {
    return builder ->
        builder
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .withConfigOverride(
                BigDecimal.class,
                override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
  }

  /**
   * The API's request bodies are read strictly ({@link StrictJson}); answers and events keep the
   * mapper above. After Boot's own customizer, which installs the service's mapper.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  CodecCustomizer strictJsonDecoder(JsonMapper json) {
    JacksonJsonDecoder decoder = new JacksonJsonDecoder(StrictJson.strict(json));
    return configurer -> configurer.defaultCodecs().jacksonJsonDecoder(decoder);
  }

  /** The server's own refusals (request line, headers) as problems: see {@link ServerLimits}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(NettyServerCustomizer.class)
  static class NettyServer {

    @Bean
    NettyServerCustomizer serverLimitsAsProblems(JsonMapper json) {
      return ServerLimits.answeredAsProblems(json);
    }
  }

  @Bean
  StrictRequests strictRequests(Problems problems) {
    return new StrictRequests(problems);
  }

  @Bean
  WebFluxConfigurer tenantAndActorArguments() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new TenantArgumentResolver());
        configurer.addCustomResolver(new ActorArgumentResolver());
      }
    };
  }

  /** Idempotent creation, for the services that keep a database. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DatabaseClient.class)
  @ConditionalOnBean(DatabaseClient.class)
  static class Idempotency {

    @Bean
    IdempotentRequests idempotentRequests(
        DatabaseClient database, TransactionalOperator transaction, JsonMapper json, Clock clock) {
      return new IdempotentRequests(database, transaction, json, clock);
    }
  }

  /** Adds the idempotency table to the service's own migrations. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class, DatabaseClient.class})
  static class ApiMigrations {

    @Bean
    FlywayConfigurationCustomizer apiMigrations() {
      return configuration -> {
        Set<Object> locations = new LinkedHashSet<>(List.of(configuration.getLocations()));
        locations.add("classpath:db/api");
        configuration.locations(locations.stream().map(Object::toString).toArray(String[]::new));
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ReactiveJwtDecoder.class)
  static class TokenDecoding {

    /**
     * Every token decoder of the process (Boot's, from the key set of the identity service)
     * remembers the tokens it verified: {@link VerifiedTokens}. The gateway keeps no clock bean;
     * there the system clock reads expiry, as in the decoder's own validation.
     */
    @Bean
    static BeanPostProcessor rememberVerifiedTokens(ObjectProvider<Clock> clocks) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
            return new VerifiedTokens(decoder, clocks.getIfAvailable(Clock::systemUTC));
          }
          return bean;
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ServerHttpSecurity.class)
  @EnableReactiveMethodSecurity
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
