package io.huoshui.matching.config;

import io.huoshui.matching.application.MatchingProperties;
import io.huoshui.matching.application.Standings;
import io.huoshui.matching.domain.InstrumentIndex;
import io.huoshui.matching.domain.Matcher;
import io.huoshui.matching.domain.ProductIndex;
import io.huoshui.matching.domain.Scoring;
import io.huoshui.matching.persistence.InstrumentStore;
import io.huoshui.matching.persistence.ProductStore;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.annotation.EnableScheduling;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/** The matching engine's parts, wired to the service's settings and database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
@EnableScheduling
class MatchingConfig {

  /**
   * Six services start side by side on two cores, and a first connection can wait out the pool's
   * acquire time while PostgreSQL forks the others' backends: the start-up reads try again rather
   * than fail the whole start.
   */
  private static final RetryBackoffSpec AT_START = Retry.backoff(5, Duration.ofSeconds(1));

  /**
   * Every active product, loaded from the database before any listener starts: the index is rebuilt
   * on every start, and the product topic then only brings what changed since.
   */
  @Bean
  @DependsOn("flywayInitializer")
  ProductIndex productIndex(ProductStore products) {
    ProductIndex index = new ProductIndex();
    products.active().doOnNext(index::put).retryWhen(AT_START).blockLast();
    return index;
  }

  /** Every active policy instrument, loaded as the products are. */
  @Bean
  @DependsOn("flywayInitializer")
  InstrumentIndex instrumentIndex(InstrumentStore instruments) {
    InstrumentIndex index = new InstrumentIndex();
    instruments.active().doOnNext(index::put).retryWhen(AT_START).blockLast();
    return index;
  }

  @Bean
  @DependsOn("flywayInitializer")
  Matcher matcher(ProductIndex products, InstrumentIndex instruments, Standings standings) {
    standings.reload().retryWhen(AT_START).block();
    return new Matcher(products, instruments, new Scoring(standings::of));
  }
}
