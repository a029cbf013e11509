package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 三色督办 on the running network: a match no bank answers turns RED once its deadline is far enough
 * behind, the operator hears of it, and the slot goes to the next candidate. The matching service
 * is restarted three weeks ahead ({@code huoshui.clock.offset}) instead of waiting, and sweeps
 * every few seconds instead of every minute: the sweep is what is under test, not its schedule, and
 * the first sweep after a start would otherwise come a minute later.
 */
@Order(2)
class SupervisionTest {

  private static final Duration OUTCOME = Duration.ofMinutes(2);
  private static final String JVM_OPTIONS =
      "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8";

  private final Api county = Api.as("county-140428");
  private final Api operator = Api.as("operator-1404");

  @AfterAll
  static void backToToday() {
    SystemNetwork network = SystemNetwork.get();
    network.stop("matching-service");
    network.up(Map.of());
  }

  @Test
  void anUnansweredMatchTurnsRedTellsTheOperatorAndIsReRouted() {
    SystemNetwork network = SystemNetwork.get();
    Api.Reply submitted =
        county.post("/api/v1/projects", Demands.green("140428", "无人应答的节能项目", "6000000.00"));
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    String projectId = submitted.json().get("id").asString();
    String matchesPath = "/api/v1/projects/" + projectId + "/matches";
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get(matchesPath), reply -> reply.ok() && !items(reply.json()).isEmpty());
    int pushedBefore = items(county.get(matchesPath).json()).size();

    network.kill("matching-service");
    network.up(
        Map.of(
            "HUOSHUI_JAVA_OPTS",
            JVM_OPTIONS + " -Dhuoshui.clock.offset=P21D -Dhuoshui.matching.sweep-interval=3s"));

    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get(matchesPath).json().toString(),
            matches -> matches.contains("\"RED\""));
    await()
        .atMost(OUTCOME)
        .until(
            () -> operator.get("/api/v1/notifications?size=100").raw().body(),
            body -> body.contains(projectId) && body.contains("MATCH_ESCALATED"));
    // The escalation, the release and the re-routing are events of their own, each reaching the
    // county's timeline and matches when project-service has consumed it: awaited, not assumed.
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId + "/timeline").json().toString(),
            timeline -> timeline.contains("RED"));
    await()
        .atMost(OUTCOME)
        .until(
            () -> county.get(matchesPath).json().toString(),
            matches -> matches.contains("\"releaseCause\":\"RED\""));
    assertThat(items(county.get(matchesPath).json()).size()).isGreaterThanOrEqualTo(pushedBefore);
  }

  private static JsonNode items(JsonNode demandMatches) {
    return demandMatches.get("matches");
  }
}
