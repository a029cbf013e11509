package io.huoshui.notification.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.huoshui.service.secrets.SecretBox;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

  /**
   * Its own client: the tenants' endpoints are outside, with their own timeouts and no redirects.
   */
  @Bean
  WebClient webhookClient(
      WebhookProperties settings, HostResolver resolver, ReceiverAddresses addresses) {
    HttpClient client =
        HttpClient.create()
            // Connects to exactly the addresses it checked, so that a name pointed inside after
            // the check (DNS rebinding) reaches nothing; no proxy, which would resolve for us.
            .resolver(new CheckedResolvers(resolver, addresses))
            .noProxy()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
            .responseTimeout(settings.responseTimeout())
            .followRedirect(false);
    return WebClient.builder().clientConnector(new ReactorClientHttpConnector(client)).build();
  }

  /**
   * Seals the endpoints' signing secrets (huoshui.secrets.*): without a configured key the service
   * does not start.
   */
  @Bean
  SecretBox secretBox(Environment environment) {
    return SecretBox.fromEnvironment(environment);
  }

  @Bean
  HostResolver hostResolver() {
    return HostResolver.system();
  }

  @Bean
  ReceiverAddresses receiverAddresses(WebhookProperties settings) {
    return new ReceiverAddresses(settings.allowedNetworks());
  }

  /**
   * Resolves a receiver's host for each new connection off the event loop (the system's resolver
   * blocks), refusing the connection when any address it resolves to is inside; an address literal
   * is checked as it is.
   */
  static final class CheckedResolvers extends AddressResolverGroup<InetSocketAddress> {

    private final HostResolver resolver;
    private final ReceiverAddresses addresses;

    CheckedResolvers(HostResolver resolver, ReceiverAddresses addresses) {
      this.resolver = resolver;
      this.addresses = addresses;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
      return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {
        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
          return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
          lookUp(address).subscribe(found -> promise.trySuccess(found.get(0)), promise::tryFailure);
        }

        @Override
        protected void doResolveAll(
            InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
          lookUp(address).subscribe(promise::trySuccess, promise::tryFailure);
        }
      };
    }

    private Mono<List<InetSocketAddress>> lookUp(InetSocketAddress address) {
      String host = address.getHostString();
      return Mono.fromCallable(
              () -> address.isUnresolved() ? resolver.resolve(host) : List.of(address.getAddress()))
          .subscribeOn(Schedulers.boundedElastic())
          .flatMap(
              found ->
                  addresses.permitted(found)
                      ? Mono.just(
                          found.stream()
                              .map(ip -> new InetSocketAddress(ip, address.getPort()))
                              .toList())
                      : Mono.error(new ReceiverAddresses.InsideAddress(host)));
    }
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
