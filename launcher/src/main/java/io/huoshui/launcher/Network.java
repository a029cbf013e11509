package io.huoshui.launcher;

import io.huoshui.infrastructure.KafkaBroker;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of a local Huoshui network, in start order, with their fixed ports (README's port
 * table). Stop order is the reverse.
 */
final class Network {

  static final int POSTGRES_PORT = 15432;
  static final int KAFKA_PORT = 9092;
  static final int KAFKA_CONTROLLER_PORT = 9093;
  static final int KAFKA_SASL_PORT = 9094;
  static final int PROMETHEUS_PORT = 9090;

  static final Component POSTGRES =
      new Component(
          "postgresql",
          Component.Kind.POSTGRES,
          List.of(POSTGRES_PORT),
          "postgres",
          null,
          List.of());
  static final Component KAFKA =
      new Component(
          "kafka",
          Component.Kind.KAFKA,
          List.of(KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_SASL_PORT),
          KafkaBroker.PROCESS_MARKER,
          null,
          List.of());

  /**
   * Each service owns the database of the same name in {@link #DATABASES}. The identity service
   * comes first and, in the local run only, registers the demo clients of README.
   */
  static final List<Component> SERVICES =
      List.of(
          Component.service("identity-service", 9000)
              .withArguments("--huoshui.identity.demo-clients=true"),
          Component.service("project-service", 8081),
          Component.service("credit-service", 8082),
          Component.service("matching-service", 8083),
          // The local run answers over plain http, so its webhooks may too; where a receiver may
          // be (never inside the network unless allowed) is checked there as everywhere.
          Component.service("notification-service", 8084)
              .withArguments("--huoshui.webhooks.require-https=false"));

  static final List<String> DATABASES =
      List.of("identity", "project", "credit", "matching", "notification");

  static final Component GATEWAY = Component.service("gateway", 8080);

  /**
   * Optional: started after the applications where a prometheus binary is installed, and not part
   * of {@link #all()}, which must run for the network to be up.
   */
  static final Component PROMETHEUS =
      new Component(
          "prometheus",
          Component.Kind.PROMETHEUS,
          List.of(PROMETHEUS_PORT),
          LocalPrometheus.PROCESS_MARKER,
          null,
          List.of());

  private Network() {}

  static List<Component> all() {
    return Stream.of(List.of(POSTGRES, KAFKA), SERVICES, List.of(GATEWAY))
        .flatMap(List::stream)
        .toList();
  }

  static List<Component> applications() {
    return Stream.concat(SERVICES.stream(), Stream.of(GATEWAY)).toList();
  }
}
