package io.huoshui.credit.catalog;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code huoshui.credit.digest.*}: what the counties are told of the catalog's changes. When is
 * {@code cron} (with its {@code zone}), which the scheduler reads itself.
 *
 * @param period what the first digest covers; each later one starts where the last one ended
 * @param counties counties that get the digest besides those whose demand has been seen
 */
@ConfigurationProperties("huoshui.credit.digest")
record DigestProperties(@DefaultValue("7d") Duration period, @DefaultValue List<String> counties) {}
