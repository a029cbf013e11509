package io.huoshui.notification.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huoshui.webhooks.*}: how notifications are POSTed to the tenants' endpoints.
 *
 * @param pollInterval how often due deliveries are looked for besides the signals of this process
 *     (new deliveries committed, parked ones replayed, attempts finished): what brings retries,
 *     lapsed leases and the deliveries other replicas wrote while they were down
 * @param maxConcurrency deliveries in flight at once, over all endpoints
 * @param perEndpointConcurrency deliveries in flight at once to one endpoint: a slow endpoint holds
 *     no more than this many of the slots, the others keep serving the other tenants
 * @param connectTimeout longest wait for a connection to an endpoint
 * @param responseTimeout longest wait for an endpoint's answer
 * @param lease how long an attempt in flight keeps its delivery from being attempted again; longer
 *     than an attempt can take, so only a process that died mid-attempt lets it lapse
 * @param parkedGaugeRefresh how often the parked-deliveries gauge is recounted
 * @param requireHttps whether a receiver must be an https URL; only a local run turns it off
 * @param allowedNetworks addresses inside the network (CIDR, or single addresses) that receivers
 *     may nevertheless resolve to: empty but for a local run or a test, whose receivers listen on
 *     loopback
 */
@ConfigurationProperties("huoshui.webhooks")
record WebhookProperties(
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("32") int maxConcurrency,
    @DefaultValue("4") int perEndpointConcurrency,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("10s") Duration responseTimeout,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("30s") Duration parkedGaugeRefresh,
    @DefaultValue("true") boolean requireHttps,
    @DefaultValue List<String> allowedNetworks,
    @DefaultValue Retry retry,
    @DefaultValue Breaker breaker) {

  /**
   * {@code huoshui.webhooks.retry.*}: exponential backoff with jitter; the defaults retry for about
   * six and a half hours (10 s, 20 s, 40 s ... capped at 1 h, 15 attempts) before a delivery is
   * parked.
   *
   * @param randomization the jitter: each wait is drawn from ±this fraction of the nominal one
   */
  record Retry(
      @DefaultValue("10s") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("0.5") double randomization,
      @DefaultValue("1h") Duration maxInterval,
      @DefaultValue("15") int maxAttempts) {}

  /**
   * {@code huoshui.webhooks.breaker.*}: the circuit breaker of each endpoint. While it is open no
   * attempt is made (and none counted); deliveries wait for it to half-open.
   */
  record Breaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("10") int slidingWindowSize,
      @DefaultValue("5") int minimumNumberOfCalls,
      @DefaultValue("30s") Duration waitInOpenState,
      @DefaultValue("2") int permittedCallsInHalfOpenState) {}
}
