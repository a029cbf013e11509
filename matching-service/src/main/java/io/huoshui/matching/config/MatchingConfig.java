package io.huoshui.matching.config;

import io.huoshui.matching.application.MatchingProperties;
import io.huoshui.matching.application.Standings;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.domain.Scoring;
import io.huoshui.matching.domain.WorkingCalendar;
import io.huoshui.matching.persistence.ProductStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The matching engine's parts, wired to the service's settings and database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
@EnableScheduling
class MatchingConfig {

  /**
   * Every active product, loaded from the database before any listener starts: the index is rebuilt
   * on every start, and the product topic then only brings what changed since.
   */
  @Bean
  @DependsOn("flywayInitializer")
  ProductIndex productIndex(ProductStore products) {
    ProductIndex index = new ProductIndex();
    products.active().doOnNext(index::put).blockLast();
    return index;
  }

  @Bean
  @DependsOn("flywayInitializer")
  Matcher matcher(ProductIndex products, Standings standings) {
    standings.reload().block();
    return new Matcher(products, new Scoring(standings::of));
  }

  @Bean
  WorkingCalendar workingCalendar(MatchingProperties settings) {
    return new WorkingCalendar(settings.holidays());
  }
}
