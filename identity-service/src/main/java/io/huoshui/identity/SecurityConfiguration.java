package io.huoshui.identity;

import io.huoshui.identity.key.SigningKeys;
import io.huoshui.service.secrets.SecretBox;
import io.huoshui.vocabulary.Scopes;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the authorisation server's endpoints (token, JWKS, metadata) and the operator
 * API, itself a resource server that accepts only operators' tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http, ProblemResponses problems)
      throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain operatorApi(HttpSecurity http, ProblemResponses problems) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/openapi/identity-service.yaml")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/calendar/**")
                    .authenticated()
                    .requestMatchers(HttpMethod.PUT, "/api/v1/calendar/years/*")
                    .hasAuthority("SCOPE_" + Scopes.CALENDAR_ADMIN)
                    .requestMatchers("/api/v1/calendar/**")
                    .denyAll()
                    .requestMatchers("/api/v1/**")
                    .hasAuthority("SCOPE_clients:admin")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(
      @Value("${huoshui.identity.issuer}") String issuer) {
    return AuthorizationServerSettings.builder().issuer(issuer).build();
  }

  /** Signs with the newest key only, though the JWKS publishes older ones too. */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
    encoder.setJwkSelector(
        candidates ->
            candidates.stream()
                .filter(key -> key.getKeyID().equals(keys.signingKeyId()))
                .findFirst()
                .orElseThrow());
    return encoder;
  }

  /** The operator API trusts only tokens this server signed, for this issuer. */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, @Value("${huoshui.identity.issuer}") String issuer) {
    NimbusJwtDecoder decoder =
        (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
    return decoder;
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  /** bcrypt, behind an {id} prefix so that the algorithm can change without a migration. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Seals the signing keys' private parts (huoshui.secrets.*): without a configured key the service
   * does not start.
   */
  @Bean
  SecretBox secretBox(Environment environment) {
    return SecretBox.fromEnvironment(environment);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
