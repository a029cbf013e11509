package io.huoshui.testsupport;

import io.huoshui.infrastructure.PostgresEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Turns {@link RealInfrastructure} into property sources; registered in spring.factories. */
class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    RealInfrastructure annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, RealInfrastructure.class);
    return annotation == null ? null : new Customizer(annotation.database());
  }

  /** Equal for equal databases, so that Spring's context cache shares contexts between classes. */
  private record Customizer(String database) implements ContextCustomizer {

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      Infrastructure infrastructure = SharedInfrastructure.get();
      PostgresEndpoint postgres = infrastructure.postgres();
      postgres.createDatabaseIfMissing(database);
      Map<String, Object> properties =
          Map.ofEntries(
              Map.entry("spring.r2dbc.url", postgres.r2dbcUrl(database)),
              Map.entry("spring.r2dbc.username", postgres.username()),
              Map.entry("spring.r2dbc.password", postgres.password()),
              Map.entry("spring.flyway.url", postgres.jdbcUrl(database)),
              Map.entry("spring.flyway.user", postgres.username()),
              Map.entry("spring.flyway.password", postgres.password()),
              Map.entry("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()),
              Map.entry(
                  "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuerUri()),
              Map.entry(
                  "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri()),
              // A test is about what a service answers, not how fast: on two cores shared with a
              // build a first answer can take longer than the test client's 5 s default.
              Map.entry("spring.test.webtestclient.timeout", "PT1M"));
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("huoshui-real-infrastructure", properties));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Customizer that && Objects.equals(database, that.database);
    }

    @Override
    public int hashCode() {
      return Objects.hash(database);
    }
  }
}
