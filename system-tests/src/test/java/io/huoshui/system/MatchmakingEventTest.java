package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 长治市's financial office held a green financing event three months ago with three of 长子县's demands
 * on its agenda; two banks signed intentions on stage. One of them approves and pays out only now,
 * the other never did: the reconciliation shows what was signed, approved and disbursed, to the
 * cent, the late approval as late and the intention never followed flagged.
 */
@Order(7)
class MatchmakingEventTest {

  private static final Duration OUTCOME = Duration.ofMinutes(2);
  private static final String COUNTY = "140428";
  private static final String EVENTS = "/api/v1/matchmaking/events";

  private static final Api county = Api.as("county-" + COUNTY);
  private static final Api office = Api.as("operator-1404");

  @BeforeAll
  static void theNetworkRuns() {
    SystemNetwork.get();
  }

  @Test
  void theReconciliationShowsSignedApprovedAndDisbursedAndFlagsTheIntentionNeverFollowed() {
    // A small firm's technology upgrade within the county's risk-compensation pool and the city's
    // guarantee fund: whichever bank is matched, its proposal offers instruments to draw on.
    Map<String, Object> upgrade = Demands.green(COUNTY, "长子县光伏组件技改项目", "4000000.00");
    upgrade.put("purpose", "TECHNOLOGY_UPGRADE");
    String approvedLater = submit(upgrade);
    String neverFollowed = submit(Demands.green(COUNTY, "长子县余热回收项目", "5000000.00"));
    String unsigned = submit(Demands.green(COUNTY, "长子县节水改造项目", "3000000.00"));
    JsonNode match = awaitFirstMatch(approvedLater);
    String lender = match.get("bankCode").asString();
    String other = "cib-changzhi".equals(lender) ? "jinshang-bank" : "cib-changzhi";

    LocalDate heldOn = LocalDate.now().minusMonths(3);
    Api.Reply created =
        office.post(
            EVENTS,
            Map.of(
                "title", "长治市绿色金融专场对接会",
                "date", heldOn.toString(),
                "venue", "长治市政务服务中心",
                "region", "1404",
                "theme", "绿色转型项目融资",
                "banks", List.of(lender, other)),
            UUID.randomUUID().toString());
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String event = created.json().get("id").asString();
    for (String demand : List.of(approvedLater, neverFollowed, unsigned)) {
      Api.Reply added = office.post(EVENTS + "/" + event + "/agenda", Map.of("projectId", demand));
      assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
    }
    sign(lender, event, approvedLater, "3500000.00");
    sign(other, event, neverFollowed, "4000000.00");

    Api bank = Api.as("bank-" + lender);
    String matchId = match.get("matchId").asString();
    Answers.answer(bank, matchId, Map.of("answer", "INTEREST", "amount", "4000000.00"));
    // The approval draws on the policy instruments the proposal offered, so that the network's
    // instrument dashboards have draws to show.
    List<String> offered = new ArrayList<>();
    for (JsonNode instrument : match.get("support").get("instruments")) {
      offered.add(instrument.get("instrumentId").asString());
    }
    assertThat(offered).as("instruments offered with %s", match).isNotEmpty();
    Map<String, Object> approval = Answers.approval("3000000.00", "3.850", 36);
    approval.put("instruments", offered);
    Answers.answer(bank, matchId, approval);
    Answers.disbursed(bank, matchId, "2000000.00");

    JsonNode reconciliation =
        await()
            .atMost(OUTCOME)
            .until(
                () -> office.get(EVENTS + "/" + event + "/reconciliation").json(),
                found -> "2000000.00".equals(found.at("/total/disbursed").asString()));
    assertThat(reconciliation.at("/total/signed").asString()).isEqualTo("7500000.00");
    assertThat(reconciliation.at("/total/approved").asString()).isEqualTo("3000000.00");
    assertThat(reconciliation.at("/total/intentions").asLong()).isEqualTo(2);
    assertThat(reconciliation.at("/total/unfollowed").asLong()).isEqualTo(1);

    JsonNode late = line(reconciliation, lender, approvedLater);
    assertThat(late.get("signed").asString()).isEqualTo("3500000.00");
    assertThat(late.get("approved").asString()).isEqualTo("3000000.00");
    assertThat(late.get("disbursed").asString()).isEqualTo("2000000.00");
    assertThat(late.get("status").asString()).isEqualTo("LATE");
    JsonNode flagged = line(reconciliation, other, neverFollowed);
    assertThat(flagged.get("signed").asString()).isEqualTo("4000000.00");
    assertThat(flagged.get("approved").asString()).isEqualTo("0.00");
    assertThat(flagged.get("status").asString()).isEqualTo("UNFOLLOWED");
    // Three months overdue is far past the working days after which an overdue match turns red.
    assertThat(flagged.get("colour").asString()).isEqualTo("RED");
    for (JsonNode line : reconciliation.get("lines")) {
      assertThat(line.get("projectId").asString()).isNotEqualTo(unsigned);
    }

    Api.Reply csv = office.get(EVENTS + "/" + event + "/reconciliation", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.raw().body())
        .contains("3500000.00", "3000000.00", "2000000.00", "4000000.00", "7500000.00");
  }

  private static String submit(Map<String, Object> demand) {
    Api.Reply submitted = county.post("/api/v1/projects", demand);
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    return submitted.json().get("id").asString();
  }

  private static JsonNode awaitFirstMatch(String projectId) {
    return await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId + "/matches"),
            reply -> reply.ok() && !reply.json().get("matches").isEmpty())
        .json()
        .get("matches")
        .get(0);
  }

  private static void sign(String bankCode, String event, String projectId, String amount) {
    Api.Reply signed =
        Api.as("bank-" + bankCode)
            .post(
                EVENTS + "/" + event + "/intentions",
                Map.of("projectId", projectId, "amount", amount),
                UUID.randomUUID().toString());
    assertThat(signed.status()).as(signed.raw().body()).isEqualTo(201);
  }

  private static JsonNode line(JsonNode reconciliation, String bankCode, String projectId) {
    for (JsonNode line : reconciliation.get("lines")) {
      if (bankCode.equals(line.get("bankCode").asString())
          && projectId.equals(line.get("projectId").asString())) {
        return line;
      }
    }
    throw new AssertionError("no line of " + bankCode + " for " + projectId);
  }
}
