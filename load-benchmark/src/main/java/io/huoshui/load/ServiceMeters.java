package io.huoshui.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the services count themselves, read from each one's /actuator/prometheus (open without a
 * token): GC pause time, and SQL statements where the service counts them. Names are those of the
 * local run's pid files, so that the figures join the process table.
 */
final class ServiceMeters {

  /** The local run's fixed ports (launcher's Network). */
  static final Map<String, Integer> PORTS =
      Map.of(
          "gateway", 8080,
          "identity-service", 9000,
          "project-service", 8081,
          "credit-service", 8082,
          "matching-service", 8083,
          "notification-service", 8084);

  static final String GC_PAUSE = "jvm_gc_pause_seconds_sum";

  static final String SQL_STATEMENTS = "huoshui_sql_statements_total";

  /** One service's counters at one moment; empty where the service has no such meter. */
  record Reading(OptionalDouble gcSeconds, OptionalDouble sqlStatements) {}

  private final HttpClient http;

  ServiceMeters(HttpClient http) {
    this.http = http;
  }

  /** Every service that answered, by name. */
  Map<String, Reading> read() {
    Map<String, Reading> readings = new LinkedHashMap<>();
    PORTS.forEach(
        (service, port) -> {
          HttpRequest request =
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(10))
                  .build();
          try {
            HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
              String text = response.body();
              readings.put(
                  service,
                  new Reading(
                      PrometheusText.sum(text, GC_PAUSE),
                      PrometheusText.sum(text, SQL_STATEMENTS)));
            }
          } catch (IOException e) {
            // Not answering: its figures are "n/a" for this step.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return readings;
  }
}
