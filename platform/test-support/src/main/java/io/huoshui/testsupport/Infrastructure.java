package io.huoshui.testsupport;

import io.huoshui.infrastructure.PostgresEndpoint;

/** Real PostgreSQL and Kafka for the tests of one JVM. */
public interface Infrastructure {

  PostgresEndpoint postgres();

  String kafkaBootstrapServers();

  /** Says what runs, for test logs: containers or local processes. */
  String description();
}
