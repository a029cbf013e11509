package io.huoshui.project.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import io.huoshui.vocabulary.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly pack tells per bank what it approved as a syndicate's lead and as a participant,
 * from matching's proposals and credit's approvals, in a region no other test touches (6297).
 */
class SyndicatePackTest extends ProjectServiceTest {

  private static final String COUNTY = "629701";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void eachBankShowsWhatItApprovedAsLeadAndAsParticipantOfASyndicate() {
    Map<String, Object> park = toyPlant();
    park.put("title", "产教融合园区");
    park.put("amountRequested", "190000000.00");
    UUID project = submit(COUNTY, park);
    Instant at = Instant.now();
    UUID lead = member(project, "jinshang-bank", "LEAD", "120000000.00", at);
    UUID participant = member(project, "shanxi-bank", "PARTICIPANT", "70000000.00", at);
    approve(project, lead, "jinshang-bank", "120000000.00", at.plusSeconds(60));
    approve(project, participant, "shanxi-bank", "70000000.00", at.plusSeconds(120));

    JsonNode banks =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> pack("application/json").get("banks"),
                found ->
                    found.size() == 2 && participantApproved(found.get(1)).equals("70000000.00"));
    assertThat(banks.get(0).get("bankCode").asString()).isEqualTo("jinshang-bank");
    assertThat(banks.get(0).get("leadApprovedAmount").asString()).isEqualTo("120000000.00");
    assertThat(banks.get(0).get("participantApprovedAmount").asString()).isEqualTo("0.00");
    assertThat(banks.get(1).get("leadApprovedAmount").asString()).isEqualTo("0.00");
    assertThat(banks.get(1).get("participantApprovedAmount").asString()).isEqualTo("70000000.00");

    String csv =
        new String(
            read("/api/v1/reports/quarterly", token(), null, "text/csv"), StandardCharsets.UTF_8);
    assertThat(csv).contains("银团牵头授信金额（元）", "银团参贷授信金额（元）").contains(",120000000.00,0.00");
    String page =
        new String(
            read("/api/v1/reports/quarterly", token(), "en", "text/html"), StandardCharsets.UTF_8);
    assertThat(page).contains("syndicates led 万元", "<td>12000.00</td>", "<td>7000.00</td>");
  }

  private UUID member(UUID project, String bank, String role, String share, Instant at) {
    UUID match = UUID.randomUUID();
    publish(
        Topics.MATCHES,
        example(
            EventTypes.MATCH_PROPOSED,
            "syndicate-participant",
            project,
            Map.of(
                "matchId",
                match,
                "bankCode",
                bank,
                "proposedAt",
                at.toString(),
                "syndicate",
                Map.of("role", role, "share", share, "leadBankCode", "jinshang-bank"))));
    return match;
  }

  private void approve(UUID project, UUID match, String bank, String amount, Instant at) {
    publish(
        Topics.BANK_RESPONSES,
        example(
            EventTypes.BANK_RESPONDED,
            "approval",
            project,
            Map.of(
                "responseId",
                UUID.randomUUID(),
                "matchId",
                match,
                "bankCode",
                bank,
                "amount",
                amount,
                "respondedAt",
                at.toString(),
                "totals",
                Map.of("intended", amount, "approved", amount, "disbursed", "0.00")),
            "instruments"));
  }

  private static String participantApproved(JsonNode bank) {
    return bank.get("participantApprovedAmount").asString();
  }

  private JsonNode pack(String accept) {
    return JSON.readTree(read("/api/v1/reports/quarterly", token(), null, accept));
  }

  private static String token() {
    return TestTokens.operator("6297");
  }
}
