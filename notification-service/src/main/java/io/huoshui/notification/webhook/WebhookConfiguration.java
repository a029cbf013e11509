package io.huoshui.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

  /**
   * Its own client: the tenants' endpoints are outside, with their own timeouts and no redirects.
   */
  @Bean
  WebClient webhookClient(WebhookProperties settings) {
    HttpClient client =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
            .responseTimeout(settings.responseTimeout())
            .followRedirect(false);
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
  }

  /** One breaker per endpoint, named by the endpoint's id, all with these settings. */
  @Bean
  CircuitBreakerRegistry webhookBreakers(WebhookProperties settings, MeterRegistry meters) {
    WebhookProperties.Breaker breaker = settings.breaker();
    CircuitBreakerRegistry registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
    // Counted by state rather than tagged by endpoint: one series per endpoint would grow with
    // every registration.
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      Gauge.builder(
              "huoshui.webhook.circuits",
              registry,
              breakers ->
                  breakers.getAllCircuitBreakers().stream()
                      .filter(each -> each.getState() == state)
                      .count())
          .description("Webhook endpoints' circuit breakers by state")
          .tag("state", state.name())
          .register(meters);
    }
    return registry;
  }
}
