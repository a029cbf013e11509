package io.huoshui.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
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
    // resilience4j_circuitbreaker_* named by endpoint id (what the HuoshuiCircuitBreakerOpen alert
    // reads): a breaker exists only for an endpoint that was sent something, and its series go
    // when the endpoint is removed.
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry;
  }
}
