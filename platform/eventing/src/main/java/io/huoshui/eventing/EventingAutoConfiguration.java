package io.huoshui.eventing;

import io.huoshui.calendar.CalendarAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The event plumbing every service gets by depending on huoshui-eventing. */
@AutoConfiguration(
    after = {
      CalendarAutoConfiguration.class,
      DataR2dbcAutoConfiguration.class,
      R2dbcTransactionManagerAutoConfiguration.class,
      TransactionAutoConfiguration.class,
      KafkaAutoConfiguration.class
    })
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

  @Bean
  EventCodec eventCodec(
      JsonMapper json,
      Clock clock,
      EventingProperties properties,
      @Value("${spring.application.name}") String application) {
    URI source =
        properties.source() != null ? properties.source() : URI.create("/huoshui/" + application);
    return new EventCodec(json, clock, source);
  }

  /**
   * The name this process's connections give PostgreSQL: the service's name and a mark of this
   * instance, so that {@code pg_stat_activity} tells replicas apart and a relay recognises the
   * outbox notifications of its own writes.
   */
  @Bean
  InstanceName huoshuiInstanceName(@Value("${spring.application.name}") String application) {
    return new InstanceName(application + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  record InstanceName(String value) {}

  @Bean
  ConnectionFactoryOptionsBuilderCustomizer huoshuiApplicationName(InstanceName instance) {
    return options ->
        options.option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, instance.value());
  }

  @Bean
  ProxyConnectionFactoryCustomizer huoshuiStatementCounter(MeterRegistry meters) {
    return proxy -> proxy.listener(new SqlStatements(meters));
  }

  @Bean
  OutboxSignal outboxSignal() {
    return new OutboxSignal();
  }

  @Bean
  Outbox outbox(DatabaseClient database, EventCodec codec, OutboxSignal signal) {
    return new Outbox(database, codec, signal);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "huoshui.events.outbox.relay-enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(
      DatabaseClient database,
      KafkaTemplate<String, String> kafka,
      Clock clock,
      EventingProperties properties,
      MeterRegistry meters,
      OutboxSignal signal,
      ConnectionFactory connections,
      InstanceName instance) {
    Flux<?> othersCommitted =
        OutboxNotifications.of(connections, instance.value())
            .<Flux<?>>map(OutboxNotifications::othersCommitted)
            .orElse(Flux.never());
    return new OutboxRelay(
        database,
        kafka,
        clock,
        properties.outbox(),
        meters,
        Flux.merge(signal.commits(), othersCommitted));
  }

  @Bean
  EventConsumer eventConsumer(
      DatabaseClient database,
      TransactionalOperator transaction,
      EventCodec codec,
      Clock clock,
      MeterRegistry meters,
      EventingProperties properties) {
    return new EventConsumer(
        database, transaction, codec, clock, meters, properties.consumer().effectTimeout());
  }

  @Bean
  DeadLetters deadLetters(KafkaTemplate<?, ?> template, MeterRegistry meters) {
    return new DeadLetters(template, meters);
  }

  /**
   * Poison goes to the dead-letter topic at once; anything else is retried with a growing pause
   * (its database may be restarting) and dead-lettered when the retry time is spent.
   */
  @Bean
  CommonErrorHandler kafkaErrorHandler(DeadLetters deadLetters, EventingProperties properties) {
    EventingProperties.Consumer settings = properties.consumer();
    ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
    backOff.setMaxInterval(settings.maxBackoff().toMillis());
    backOff.setMaxElapsedTime(settings.maxRetryTime().toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class);
    return handler;
  }

  @Bean
  KafkaAdmin.NewTopics huoshuiTopics(EventingProperties properties) {
    Set<String> names = new LinkedHashSet<>();
    for (String topic : properties.produces()) {
      names.add(topic);
      names.add(DeadLetters.topicFor(topic));
    }
    for (String topic : properties.consumes()) {
      names.add(DeadLetters.topicFor(topic));
    }
    return new KafkaAdmin.NewTopics(
        names.stream()
            .map(name -> new NewTopic(name, properties.partitions(), properties.replicas()))
            .toArray(NewTopic[]::new));
  }

  /** Durable publishing: every record acknowledged by all in-sync replicas, never duplicated. */
  @Bean
  DefaultKafkaProducerFactoryCustomizer huoshuiProducerSettings() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5));
  }

  /**
   * A new consumer group reads its topics from the start: read models rebuild from the log. A fetch
   * waits up to 5 s on the broker for a first record rather than 0.5 s: it still returns the moment
   * one arrives, but the consumers of an idle network, one per partition and listener, no longer
   * ask twice a second each.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer huoshuiConsumerSettings() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                5_000));
  }

  @Bean(destroyMethod = "close")
  Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "huoshui-health");
    return Admin.create(config);
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
    return new KafkaHealthIndicator(kafkaHealthAdmin);
  }

  /** Adds the outbox and consumer-log migrations to the service's own. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
  static class EventingMigrations {

    @Bean
    FlywayConfigurationCustomizer eventingMigrations() {
      return configuration -> {
        Set<Object> locations = new LinkedHashSet<>(List.of(configuration.getLocations()));
        locations.add("classpath:db/eventing");
        configuration.locations(locations.stream().map(Object::toString).toArray(String[]::new));
        // The platform's migrations (0.x) may be newer than a service's own (1 and up).
        configuration.outOfOrder(true);
      };
    }
  }
}
