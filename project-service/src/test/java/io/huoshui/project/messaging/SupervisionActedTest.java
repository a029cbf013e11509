package io.huoshui.project.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a financial office did about a demand under supervision, as matching-service's examples of
 * SupervisionActed say it: a step of the timeline naming the office and its client, in Chinese by
 * default and in English on request; the audit trail for the office; the quarterly pack counting a
 * notice the office closed (销号) as closed, by its reason, and showing the county by name.
 */
class SupervisionActedTest extends ProjectServiceTest {

  private static final String ZHANGZI = "140428";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void anOfficesClosureAndManualPushAreStepsNamingTheOfficeInEitherLanguage() {
    UUID id = submit(ZHANGZI, toyPlant());
    UUID noticed = UUID.randomUUID();
    UUID pushed = UUID.randomUUID();
    Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

    closedByTheOffice(id, noticed, start);
    // A push names its new match, which the push's own MatchProposed brings, in either order.
    publish(
        MATCHES,
        example(
            EventTypes.SUPERVISION_ACTED,
            "pushed",
            id,
            Map.of("matchId", pushed, "actedAt", start.plusSeconds(3).toString())));
    publish(MATCHES, proposed(id, pushed, "changzhi-bank", "科技贷", start.plusSeconds(3)));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> timelineSteps(id, "SUPERVISION_ACTED") == 2 && timelineSteps(id, "PUSHED") == 2);

    JsonNode chinese = timeline(id, null);
    JsonNode closed = action(chinese, "CLOSED");
    assertThat(closed.get("summary").asString())
        .isEqualTo("长治市金融办销号：银行已线下答复（银行已于10月19日线下对接企业，已电话回复）");
    assertThat(closed.get("details").get("reason").asString()).isEqualTo("BANK_ANSWERED_OFFLINE");
    assertThat(closed.get("details").get("operatorRegion").asString()).isEqualTo("1404");
    assertThat(closed.get("actor").get("clientId").asString()).isEqualTo("operator-1404");
    assertThat(closed.get("actor").get("requestId").asString())
        .isEqualTo("b3d5f7a9-1c3e-4a5c-9e7a-3c5e7a9c1e23");
    assertThat(closed.get("actor").get("service").asString()).isEqualTo("matching-service");
    assertThat(action(chinese, "PUSHED").get("summary").asString())
        .isEqualTo("长治市金融办推送至 changzhi-bank 科技贷（人工推送）（请长治银行科技贷产品组优先对接）");
    assertThat(chinese.get(0).get("summary").asString())
        .isEqualTo("长子县（140428）提交融资需求，申请 70000000.00 元");
    assertThat(chinese.toString()).contains("黄色督办：银行 jinshang-bank 未在期限内答复");

    JsonNode english = timeline(id, "en-GB,en;q=0.9");
    assertThat(action(english, "CLOSED").get("summary").asString())
        .isEqualTo(
            "The financial office of 长治市 (1404) closed the supervision case (销号): the bank"
                + " answered offline (银行已于10月19日线下对接企业，已电话回复)");
    assertThat(action(english, "PUSHED").get("summary").asString())
        .isEqualTo(
            "The financial office of 长治市 (1404) pushed the demand to changzhi-bank, 科技贷 (manual"
                + " push) (请长治银行科技贷产品组优先对接)");
    assertThat(english.get(0).get("summary").asString())
        .isEqualTo("Submitted by 长子县 (140428), asking for 70000000.00 CNY");
    assertThat(timeline(id, "zh-CN,zh;q=0.9,en;q=0.5").get(0).get("summary").asString())
        .startsWith("长子县（140428）");

    JsonNode view =
        JSON.readTree(read("/api/v1/projects/" + id, TestTokens.county(ZHANGZI), null, null));
    assertThat(view.get("county").asString()).isEqualTo(ZHANGZI);
    assertThat(view.get("countyName").asString()).isEqualTo("长子县");
  }

  @Test
  void aNoticeAtALaterStageSaysWhatTheBankOwes() {
    UUID id = submit(ZHANGZI, toyPlant());
    UUID match = UUID.randomUUID();
    Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    publish(MATCHES, proposed(id, match, "jinshang-bank", "晋商银行项目贷款", start));
    publish(
        MATCHES,
        example(
            EventTypes.MATCH_ESCALATED,
            "red-decision",
            id,
            Map.of("matchId", match, "escalatedAt", start.plusSeconds(1).toString())));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> timelineSteps(id, "SUPERVISION_NOTICE") == 1);

    JsonNode notice = timeline(id, null).get(2);
    assertThat(notice.get("details").get("stage").asString()).isEqualTo("DECISION");
    assertThat(notice.get("summary").asString())
        .isEqualTo("红色督办：银行 jinshang-bank 表示意向后未在期限内作出授信决定（期限 2026-10-20）");
    assertThat(timeline(id, "en").get(2).get("summary").asString())
        .isEqualTo(
            "Red supervision notice: bank jinshang-bank has not decided after its interest"
                + " (deadline 2026-10-20)");
  }

  @Test
  void theAuditTrailShowsWhoTookEveryStepToTheRegionsOfficeOnly() {
    UUID id = submit(ZHANGZI, toyPlant());
    UUID match = UUID.randomUUID();
    Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    closedByTheOffice(id, match, start);
    await().atMost(Duration.ofSeconds(60)).until(() -> timelineSteps(id, "SUPERVISION_ACTED") == 1);

    JsonNode audit =
        JSON.readTree(
            read("/api/v1/projects/" + id + "/audit", TestTokens.operator("1404"), null, null));
    assertThat(audit).hasSize(4);
    assertThat(audit.get(0).get("step").asString()).isEqualTo("SUBMITTED");
    assertThat(audit.get(0).get("clientId").asString()).isEqualTo("county-" + ZHANGZI);
    assertThat(audit.get(0).get("service").asString()).isEqualTo("project-service");
    assertThat(audit.get(0).get("at").asString()).isNotBlank();
    assertThat(audit.get(1).get("step").asString()).isEqualTo("PUSHED");
    assertThat(audit.get(1).get("service").asString()).isEqualTo("matching-service");
    assertThat(audit.get(1).get("clientId").isNull()).isTrue();
    assertThat(audit.get(2).get("step").asString()).isEqualTo("SUPERVISION_NOTICE");
    assertThat(audit.get(2).get("clientId").isNull()).isTrue();
    JsonNode acted = audit.get(3);
    assertThat(acted.get("step").asString()).isEqualTo("SUPERVISION_ACTED");
    assertThat(acted.get("clientId").asString()).isEqualTo("operator-1404");
    assertThat(acted.get("requestId").asString()).isEqualTo("b3d5f7a9-1c3e-4a5c-9e7a-3c5e7a9c1e23");
    assertThat(acted.get("service").asString()).isEqualTo("matching-service");

    for (String outside : new String[] {TestTokens.operator("6110"), TestTokens.operator("1407")}) {
      http.get()
          .uri("/api/v1/projects/" + id + "/audit")
          .headers(h -> h.setBearerAuth(outside))
          .exchange()
          .expectStatus()
          .isNotFound();
    }
    http.get()
        .uri("/api/v1/projects/" + id + "/audit")
        .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/projects/" + id + "/audit")
        .headers(h -> h.setBearerAuth(TestTokens.bank("jinshang-bank")))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/projects/" + UUID.randomUUID() + "/audit")
        .headers(h -> h.setBearerAuth(TestTokens.operator("14")))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void theQuarterlyPackCountsANoticeTheOfficeClosedAndNamesTheCounty() {
    UUID id = submit(ZHANGZI, toyPlant());
    UUID match = UUID.randomUUID();
    Instant start = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    closedByTheOffice(id, match, start);
    await().atMost(Duration.ofSeconds(60)).until(() -> timelineSteps(id, "SUPERVISION_ACTED") == 1);

    JsonNode report =
        JSON.readTree(
            read(
                "/api/v1/reports/quarterly?county=" + ZHANGZI,
                TestTokens.operator("1404"),
                null,
                null));
    assertThat(report.get("tenantName").asString()).isEqualTo("长治市");
    assertThat(report.get("countyName").asString()).isEqualTo("长子县");
    assertThat(report.get("funnel").get("byCounty").get(0).get("groupName").asString())
        .isEqualTo("长子县");
    // Other tests' demands of the county count too: the office's closure is among the reasons.
    assertThat(report.get("closures").findValuesAsString("reason"))
        .contains("BANK_ANSWERED_OFFLINE");
    JsonNode yellow = null;
    for (JsonNode colour : report.get("supervision")) {
      if ("YELLOW".equals(colour.get("colour").asString())) {
        yellow = colour;
      }
    }
    assertThat(yellow).isNotNull();
    assertThat(yellow.get("closed").asLong()).isPositive();

    String csv = csv("/api/v1/reports/quarterly?county=" + ZHANGZI, null);
    assertThat(csv)
        .contains("# 按县区的资金漏斗")
        .contains("分组,提交,已推送,无匹配,已穷尽")
        .contains("长子县（140428）,")
        .contains("BANK_ANSWERED_OFFLINE,金融办销号：银行已线下答复,");
    String english = csv("/api/v1/reports/quarterly?county=" + ZHANGZI, "en");
    assertThat(english)
        .contains("# funnel by county")
        .contains("group,submitted,pushed,no_match,exhausted")
        .contains("长子县 (140428),")
        .contains("BANK_ANSWERED_OFFLINE,closed by the office: the bank answered offline,");
  }

  private String csv(String uri, String language) {
    return new String(
        read(uri, TestTokens.operator("1404"), language, "text/csv"), StandardCharsets.UTF_8);
  }

  private JsonNode timeline(UUID id, String language) {
    return JSON.readTree(
        read("/api/v1/projects/" + id + "/timeline", TestTokens.county(ZHANGZI), language, null));
  }

  /**
   * The demand pushed to jinshang-bank, its match gone YELLOW and the notice closed by the office
   * (the examples' 长治市金融办), a second apart from the start.
   */
  private void closedByTheOffice(UUID id, UUID match, Instant start) {
    publish(MATCHES, proposed(id, match, "jinshang-bank", "晋商银行项目贷款", start));
    publish(
        MATCHES,
        example(
            EventTypes.MATCH_ESCALATED,
            "yellow",
            id,
            Map.of("matchId", match, "escalatedAt", start.plusSeconds(1).toString())));
    publish(
        MATCHES,
        example(
            EventTypes.SUPERVISION_ACTED,
            "closed",
            id,
            Map.of("matchId", match, "actedAt", start.plusSeconds(2).toString())));
  }

  /** The last SUPERVISION_ACTED step of the office's action; fails when there is none. */
  private static JsonNode action(JsonNode steps, String kind) {
    JsonNode found = null;
    for (JsonNode step : steps) {
      String name = step.get("step").asString();
      boolean acted =
          "SUPERVISION_ACTED".equals(name)
              && kind.equals(step.get("details").get("action").asString());
      if (acted) {
        found = step;
      }
    }
    assertThat(found).as("a %s action", kind).isNotNull();
    return found;
  }

  private static EventEnvelope proposed(
      UUID id, UUID match, String bank, String product, Instant at) {
    return example(
        EventTypes.MATCH_PROPOSED,
        "province-bank",
        id,
        Map.of(
            "matchId",
            match,
            "bankCode",
            bank,
            "productName",
            product,
            "productId",
            UUID.randomUUID(),
            "proposedAt",
            at.toString()));
  }
}
