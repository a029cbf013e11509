package io.huoshui.identity;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The clients, keys and tokens live behind JDBC, as Spring Authorization Server needs; the
 * calendar's years and the outbox that announces them behind R2DBC. Boot configures no DataSource
 * once an R2DBC connection factory is there, so identity-service declares its own, and its JDBC
 * transaction manager as the one {@code @Transactional} finds beside the reactive one.
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfiguration {

  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(
      @Value("${spring.datasource.url}") String url,
      @Value("${spring.datasource.username}") String username,
      @Value("${spring.datasource.password}") String password) {
    return DataSourceBuilder.create()
        .type(HikariDataSource.class)
        .url(url)
        .username(username)
        .password(password)
        .build();
  }

  @Bean
  @Primary
  JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }
}
