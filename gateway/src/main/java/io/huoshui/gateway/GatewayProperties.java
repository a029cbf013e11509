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
 * @param apiDocuments the services whose OpenAPI documents {@code /docs} lists, each served at
 *     {@code /openapi/<service>.yaml}
 */
@ConfigurationProperties("huoshui.gateway")
record GatewayProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue List<ApiDocument> apiDocuments) {

  record RateLimit(@DefaultValue("50") int requests, @DefaultValue("1s") Duration period) {}

  /**
   * @param service the service's name, which names its document
   * @param title what the service's API is for, in the words of the people who use it
   */
  record ApiDocument(String service, String title) {}
}
