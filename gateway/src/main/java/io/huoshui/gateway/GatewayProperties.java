package io.huoshui.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code huoshui.gateway.*}
 *
 * @param maxBodySize the largest request body accepted; larger ones answer 413
 * @param rateLimit how many requests a tenant (or, before it has a token, a client address) may
 *     make per period; more answer 429 with Retry-After
 * @param corsAllowedOrigins the county and bank portal origins that may call the API from a browser
 */
@ConfigurationProperties("huoshui.gateway")
record GatewayProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue List<String> corsAllowedOrigins) {

  record RateLimit(@DefaultValue("50") int requests, @DefaultValue("1s") Duration period) {}
}
