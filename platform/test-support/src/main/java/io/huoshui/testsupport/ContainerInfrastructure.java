package io.huoshui.testsupport;

import io.huoshui.infrastructure.PostgresEndpoint;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and the official Apache Kafka image in containers, for machines with Docker. */
final class ContainerInfrastructure implements Infrastructure {

  private static final String POSTGRES_IMAGE = "postgres:17-alpine";
  private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static Infrastructure start() {
    PostgreSQLContainer postgres =
        new PostgreSQLContainer(POSTGRES_IMAGE)
            .withCommand("postgres", "-c", "max_connections=200");
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    postgres.start();
    kafka.start();
    // Ryuk removes both containers when this JVM exits.
    return new ContainerInfrastructure(postgres, kafka);
  }

  @Override
  public PostgresEndpoint postgres() {
    return new PostgresEndpoint(
        postgres.getHost(),
        postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        postgres.getUsername(),
        postgres.getPassword());
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String description() {
    return "containers " + POSTGRES_IMAGE + " and " + KAFKA_IMAGE;
  }
}
