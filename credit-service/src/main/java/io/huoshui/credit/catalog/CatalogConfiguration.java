package io.huoshui.credit.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The periodic catalog digest. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DigestProperties.class)
class CatalogConfiguration {}
