package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Parts of the network fail while counties keep submitting. After each failure every demand the
 * gateway accepted reaches an outcome, and while a part was down the API answered a clear 503,
 * never a hang.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureDrillsTest {

  private static final Duration RECOVERY = Duration.ofMinutes(3);
  private static final Set<String> OUTCOMES = Set.of("PUSHED", "NO_MATCH");
  private static final List<Api> COUNTIES =
      List.of(Api.as("county-140428"), Api.as("county-140423"), Api.as("county-140702"));

  private static SystemNetwork network;
  private static ExecutorService submitter;

  /** Every demand the gateway accepted, with the county that submitted it. */
  private record Accepted(Api county, String projectId) {}

  @BeforeAll
  static void network() {
    network = SystemNetwork.get();
    submitter = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stopSubmitting() {
    submitter.shutdownNow();
  }

  @Test
  @Order(1)
  void matchingKilledMidStreamAndRestartedLosesNoDemand() throws Exception {
    List<Accepted> accepted = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    Future<?> submitting = submitter.submit(() -> submit(16, accepted, refused));
    await().atMost(RECOVERY).until(() -> accepted.size() >= 4);

    network.kill("matching-service");
    assertThat(network.isRunning("matching-service")).isFalse();
    submitting.get(2, TimeUnit.MINUTES);
    network.up(Map.of());

    assertThat(refused).isEmpty();
    assertEveryAcceptedDemandReachesAnOutcome(accepted);
  }

  @Test
  @Order(2)
  void theBrokerRestartedWhileDemandsArriveLosesNoDemand() throws Exception {
    List<Accepted> accepted = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    Future<?> submitting = submitter.submit(() -> submit(16, accepted, refused));
    await().atMost(RECOVERY).until(() -> accepted.size() >= 4);

    network.stop("kafka");
    submitting.get(2, TimeUnit.MINUTES);
    network.up(Map.of());

    // The demand is stored with its event in one transaction: a broker that is away delays
    // matching, it does not refuse a county.
    assertThat(refused).isEmpty();
    assertEveryAcceptedDemandReachesAnOutcome(accepted);
  }

  @Test
  @Order(3)
  void aServiceWhoseDatabaseIsAwayAnswers503QuicklyAndRecovers() throws Exception {
    Api county = COUNTIES.get(0);
    setConnectionsAllowed("project", false);
    try {
      long started = System.nanoTime();
      Api.Reply whileAway =
          county.post("/api/v1/projects", Demands.green("140428", "数据库停机时的项目", "5000000.00"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(whileAway.status()).as(whileAway.raw().body()).isEqualTo(503);
      assertThat(whileAway.header("Content-Type")).startsWith("application/problem+json");
      assertThat(took).isLessThan(Api.CALL_TIMEOUT);
      assertThat(county.get("/api/v1/projects").status()).isEqualTo(503);
    } finally {
      setConnectionsAllowed("project", true);
    }

    List<Accepted> accepted = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    await()
        .atMost(RECOVERY)
        .until(() -> county.get("/api/v1/projects").status(), status -> status == 200);
    submit(3, accepted, refused);
    assertThat(refused).isEmpty();
    assertEveryAcceptedDemandReachesAnOutcome(accepted);
  }

  @Test
  @Order(4)
  void postgresqlKilledWhileDemandsArriveLosesNoAcceptedDemand() throws Exception {
    List<Accepted> accepted = new CopyOnWriteArrayList<>();
    List<Integer> refused = new CopyOnWriteArrayList<>();
    Future<?> submitting = submitter.submit(() -> submit(24, accepted, refused));
    await().atMost(RECOVERY).until(() -> accepted.size() >= 6);

    // A power cut as the database sees it: no checkpoint, no shutdown, only what reached the disk.
    network.kill("postgresql");
    assertThat(network.isRunning("postgresql")).isFalse();
    submitting.get(2, TimeUnit.MINUTES);
    network.up(Map.of());

    // While it was away the counties were refused (503); every demand answered 201 before it went
    // or after it came back is there, and matched or told why not.
    assertThat(refused).allSatisfy(status -> assertThat(status).isEqualTo(503));
    assertEveryAcceptedDemandReachesAnOutcome(accepted);
  }

  private static void submit(int count, List<Accepted> accepted, List<Integer> refused) {
    IntStream.range(0, count)
        .forEach(
            i -> {
              Api county = COUNTIES.get(i % COUNTIES.size());
              String division =
                  county == COUNTIES.get(0)
                      ? "140428"
                      : county == COUNTIES.get(1) ? "140423" : "140702";
              Api.Reply reply =
                  county.post(
                      "/api/v1/projects",
                      Demands.green(division, "演练项目" + System.nanoTime(), "8000000.00"));
              if (reply.ok()) {
                accepted.add(new Accepted(county, reply.json().get("id").asString()));
              } else {
                refused.add(reply.status());
              }
              pause(Duration.ofMillis(150));
            });
  }

  /**
   * One wait for them all, twice a second, asking again only for the demands without an outcome
   * yet, rather than one wait per demand at a poll a second.
   */
  private static void assertEveryAcceptedDemandReachesAnOutcome(List<Accepted> accepted) {
    assertThat(accepted).isNotEmpty();
    Set<Accepted> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(accepted);
    await()
        .atMost(RECOVERY)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .alias("every accepted demand PUSHED or NO_MATCH")
        .until(
            () -> {
              pending.removeIf(
                  demand ->
                      OUTCOMES.contains(
                          demand
                              .county()
                              .get("/api/v1/projects/" + demand.projectId())
                              .json()
                              .get("status")
                              .asString()));
              return pending;
            },
            Set::isEmpty);
  }

  /** Takes one service's database away (and back) without touching the others'. */
  private static void setConnectionsAllowed(String database, boolean allowed) throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                SystemNetwork.POSTGRES_JDBC + "postgres", "postgres", "postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
      if (!allowed) {
        sql.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database
                + "'");
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
