package io.huoshui.project.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly pack reconciles with the records: a hand-built quarter in a region of its own
 * (6299, counties 629901 and 629902, that no other test touches), with the figures worked out by
 * hand below.
 *
 * <pre>
 * A 629901 requested 70 000 000.00: jinshang-bank interest 70 000 000.00 (+2 h), approval
 *   60 000 000.00 (+3 h), disbursement 25 000 000.00 (+4 h); shanxi-bank declines (+6 h)
 * B 629901 requested  5 000 000.00: no product fits (REGION 12, AMOUNT 3)
 * C 629902 requested  3 000 000.00: pushed to cib-changzhi, unanswered, supervision BLUE (+5 h),
 *   which the financial office closes (销号: the bank answered offline, +6 h)
 * A's jinshang-bank match had a YELLOW notice (+1 h), closed by the bank's interest (+2 h)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyReportTest extends ProjectServiceTest {

  private static final String OPERATOR_REGION = "6299";
  private static final String FIRST = "629901";
  private static final String SECOND = "629902";
  private static final String RESPONDED = "io.huoshui.credit.BankResponded.v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private UUID a;
  private UUID b;
  private UUID c;
  private UUID d;

  @BeforeAll
  void aQuarterOfTheRegion() {
    // The first requests of a freshly started context can be slow on a busy two-core machine.
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    a = submit(FIRST, demand("乙县铸造厂技改", "70000000.00"));
    b = submit(FIRST, demand("乙县民宿改造", "5000000.00"));
    c = submit(SECOND, demand("丙县冷链物流", "3000000.00"));
    d = submit(SECOND, demand("丙县农机合作社", "2000000.00"));
    // Matching decides after the demand was stored; the banks answer hours later.
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    UUID product = UUID.randomUUID();
    UUID jinshang = UUID.randomUUID();
    UUID shanxi = UUID.randomUUID();
    UUID cib = UUID.randomUUID();

    publish(
        MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        a,
        proposed(a, FIRST, jinshang, "jinshang-bank", product, start));
    publish(
        MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        a,
        proposed(a, FIRST, shanxi, "shanxi-bank", product, start));
    publish(
        MATCHES,
        "io.huoshui.matching.MatchProposed.v1",
        c,
        proposed(c, SECOND, cib, "cib-changzhi", product, start));
    publish(
        MATCHES,
        "io.huoshui.matching.NoMatch.v1",
        b,
        Map.of(
            "projectId",
            b,
            "county",
            FIRST,
            "evaluatedProducts",
            15,
            "failures",
            List.of(
                Map.of("rule", "REGION", "failedProducts", 12),
                Map.of("rule", "AMOUNT", "failedProducts", 3)),
            "decidedAt",
            start.toString()));
    publish(
        MATCHES,
        "io.huoshui.matching.MatchEscalated.v1",
        c,
        Map.of(
            "matchId",
            cib,
            "projectId",
            c,
            "county",
            SECOND,
            "bankCode",
            "cib-changzhi",
            "productId",
            product,
            "colour",
            "BLUE",
            "deadline",
            LocalDate.now().toString(),
            "escalatedAt",
            start.plus(Duration.ofHours(5)).toString()));
    publish(
        MATCHES,
        example(
            EventTypes.MATCH_ESCALATED,
            "yellow",
            a,
            Map.of(
                "matchId",
                jinshang,
                "county",
                FIRST,
                "productId",
                product,
                "escalatedAt",
                start.plus(Duration.ofHours(1)).toString())));
    publish(
        MATCHES,
        example(
            EventTypes.SUPERVISION_ACTED,
            "closed",
            c,
            Map.of(
                "matchId",
                cib,
                "county",
                SECOND,
                "bankCode",
                "cib-changzhi",
                "productId",
                product,
                "operatorRegion",
                OPERATOR_REGION,
                "actedAt",
                start.plus(Duration.ofHours(6)).toString())));
    publish(
        BANK_RESPONSES,
        RESPONDED,
        a,
        answer(
            a,
            jinshang,
            "jinshang-bank",
            product,
            "INTEREST",
            "70000000.00",
            start.plus(Duration.ofHours(2)),
            "70000000.00",
            "0",
            "0"));
    publish(
        BANK_RESPONSES,
        RESPONDED,
        a,
        answer(
            a,
            jinshang,
            "jinshang-bank",
            product,
            "APPROVAL",
            "60000000.00",
            start.plus(Duration.ofHours(3)),
            "70000000.00",
            "60000000.00",
            "0"));
    publish(
        BANK_RESPONSES,
        RESPONDED,
        a,
        answer(
            a,
            jinshang,
            "jinshang-bank",
            product,
            "DISBURSEMENT",
            "25000000.00",
            start.plus(Duration.ofHours(4)),
            "70000000.00",
            "60000000.00",
            "25000000.00"));
    publish(
        BANK_RESPONSES,
        RESPONDED,
        a,
        answer(
            a,
            shanxi,
            "shanxi-bank",
            product,
            "DECLINE",
            null,
            start.plus(Duration.ofHours(6)),
            "0",
            "0",
            "0"));

    publish(
        MATCHES,
        example(
            EventTypes.DEMAND_EXHAUSTED,
            "all-declined",
            d,
            Map.of("exhaustedAt", start.plus(Duration.ofHours(7)).toString())));

    awaitStatus(a, "DISBURSED");
    awaitStatus(d, "EXHAUSTED");
    awaitStatus(b, "NO_MATCH");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                timelineSteps(a, "BANK_DECLINE") == 1
                    && timelineSteps(a, "SUPERVISION_NOTICE") == 1
                    && timelineSteps(c, "SUPERVISION_NOTICE") == 1
                    && timelineSteps(c, "SUPERVISION_ACTED") == 1);
  }

  @Test
  void theOperatorsPackAddsUpToTheRecordsOfItsRegion() {
    JsonNode report = report(TestTokens.operator(OPERATOR_REGION), "", "application/json");

    JsonNode total = report.get("funnel").get("total");
    assertThat(total.get("submitted").asLong()).isEqualTo(4);
    assertThat(total.get("pushed").asLong()).isEqualTo(2);
    assertThat(total.get("noMatch").asLong()).isEqualTo(1);
    assertThat(total.get("exhausted").asLong()).isEqualTo(1);
    assertThat(total.get("requestedAmount").asString()).isEqualTo("80000000.00");
    assertThat(total.get("intendedAmount").asString()).isEqualTo("70000000.00");
    assertThat(total.get("approvedAmount").asString()).isEqualTo("60000000.00");
    assertThat(total.get("disbursedAmount").asString()).isEqualTo("25000000.00");

    JsonNode counties = report.get("funnel").get("byCounty");
    assertThat(counties).hasSize(2);
    assertThat(counties.get(0).get("group").asString()).isEqualTo(FIRST);
    assertThat(counties.get(0).get("requestedAmount").asString()).isEqualTo("75000000.00");
    assertThat(counties.get(1).get("group").asString()).isEqualTo(SECOND);
    assertThat(counties.get(1).get("requestedAmount").asString()).isEqualTo("5000000.00");
    assertThat(counties.get(1).get("exhausted").asLong()).isEqualTo(1);

    JsonNode banks = report.get("banks");
    assertThat(banks).hasSize(3);
    JsonNode cib = banks.get(0);
    assertThat(cib.get("bankCode").asString()).isEqualTo("cib-changzhi");
    assertThat(cib.get("answered").asLong()).isZero();
    JsonNode jinshang = banks.get(1);
    assertThat(jinshang.get("bankCode").asString()).isEqualTo("jinshang-bank");
    assertThat(jinshang.get("approvalRate").asString()).isEqualTo("1.000");
    assertThat(jinshang.get("medianHoursToFirstAnswer").asDouble()).isEqualTo(2.0);
    assertThat(jinshang.get("disbursedAmount").asString()).isEqualTo("25000000.00");
    JsonNode shanxi = banks.get(2);
    assertThat(shanxi.get("declined").asLong()).isEqualTo(1);
    assertThat(shanxi.get("medianHoursToFirstAnswer").asDouble()).isEqualTo(6.0);

    JsonNode supervision = report.get("supervision");
    assertThat(supervision).hasSize(2);
    assertThat(supervision.get(0).get("colour").asString()).isEqualTo("BLUE");
    assertThat(supervision.get(0).get("issued").asLong()).isEqualTo(1);
    assertThat(supervision.get(0).get("closed").asLong()).isEqualTo(1);
    assertThat(supervision.get(0).get("open").asLong()).isZero();
    assertThat(supervision.get(1).get("colour").asString()).isEqualTo("YELLOW");
    assertThat(supervision.get(1).get("closed").asLong()).isEqualTo(1);
    JsonNode closures = report.get("closures");
    assertThat(closures).hasSize(2);
    assertThat(closures.get(0).get("reason").asString()).isEqualTo("BANK_ANSWERED");
    assertThat(closures.get(0).get("notices").asLong()).isEqualTo(1);
    assertThat(closures.get(1).get("reason").asString()).isEqualTo("BANK_ANSWERED_OFFLINE");
    assertThat(closures.get(1).get("notices").asLong()).isEqualTo(1);

    String stuck = report.get("stuck").toString();
    assertThat(stuck)
        .contains(b.toString(), c.toString(), d.toString())
        .doesNotContain(a.toString());
    assertThat(stuck).contains("所有匹配银行均已拒绝或超时，等待新的适配产品");
    assertThat(stuck).contains("REGION 12, AMOUNT 3").contains("1家银行未回应，督办等级BLUE");
  }

  @Test
  void aCountyGetsItsOwnFiguresOnlyAndAnotherCountyIsNotThere() {
    JsonNode own = report(TestTokens.county(SECOND), "", "application/json");
    assertThat(own.get("funnel").get("total").get("requestedAmount").asString())
        .isEqualTo("5000000.00");
    assertThat(own.get("banks")).hasSize(1);

    http.get()
        .uri("/api/v1/reports/quarterly?county=" + FIRST)
        .headers(h -> h.setBearerAuth(TestTokens.county(SECOND)))
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/v1/reports/quarterly")
        .headers(h -> h.setBearerAuth(TestTokens.bank("jinshang-bank")))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/reports/quarterly?quarter=2026-Q5")
        .headers(h -> h.setBearerAuth(TestTokens.operator(OPERATOR_REGION)))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("quarter");
  }

  @Test
  void theSamePackComesAsCsvForExcelAndAsAPageToPrintInChineseUnlessEnglishIsAsked() {
    byte[] csv =
        http.get()
            .uri("/api/v1/reports/quarterly?county=" + FIRST)
            .headers(h -> h.setBearerAuth(TestTokens.operator(OPERATOR_REGION)))
            .header("Accept", "text/csv")
            .header("Accept-Language", "en")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("text/csv")
            .expectBody()
            .returnResult()
            .getResponseBody();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    assertThat(text)
        .contains("group,submitted,pushed,no_match,exhausted,with_intent,")
        .contains(FIRST + ",2,1,1,0,1,1,1,0,75000000.00,70000000.00,60000000.00,25000000.00");
    assertThat(text).contains("乙县民宿改造");
    String chinese = csv(OPERATOR_REGION, "");
    assertThat(chinese)
        .contains("# 三色督办\r\n颜色,发出,已关闭,未关闭\r\nBLUE,1,1,0\r\nYELLOW,1,1,0")
        .contains("# 督办关闭方式\r\n原因代码,关闭方式,通知数\r\nBANK_ANSWERED,银行已答复,1\r\n")
        .contains("BANK_ANSWERED_OFFLINE,金融办销号：银行已线下答复,1")
        .contains("合计,4,2,1,1,1,1,1,0,80000000.00")
        .contains("所有匹配银行均已拒绝或超时，等待新的适配产品")
        .doesNotContain("every fitting bank declined");

    String html =
        http.get()
            .uri("/api/v1/reports/quarterly")
            .headers(h -> h.setBearerAuth(TestTokens.operator(OPERATOR_REGION)))
            .header("Accept", "text/html")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("<html lang=\"zh-CN\">", "<svg", "8000.00", "丙县冷链物流", "<th>已穷尽</th>")
        .contains("<td>金融办销号：银行已线下答复</td><td>1</td>")
        .doesNotContain("<script", "<th>exhausted</th>");
    String english =
        http.get()
            .uri("/api/v1/reports/quarterly")
            .headers(h -> h.setBearerAuth(TestTokens.operator(OPERATOR_REGION)))
            .header("Accept", "text/html")
            .header("Accept-Language", "en-US,en;q=0.8")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(english).contains("<html lang=\"en\">", "<th>exhausted</th>", "Supervision notices");
  }

  private String csv(String region, String query) {
    return new String(
        read("/api/v1/reports/quarterly" + query, TestTokens.operator(region), null, "text/csv"),
        StandardCharsets.UTF_8);
  }

  private JsonNode report(String token, String query, String accept) {
    return JSON.readTree(read("/api/v1/reports/quarterly" + query, token, null, accept));
  }

  private static Map<String, Object> demand(String title, String amount) {
    Map<String, Object> demand = toyPlant();
    demand.put("title", title);
    demand.put("amountRequested", amount);
    return demand;
  }

  private static Map<String, Object> proposed(
      UUID project, String county, UUID match, String bank, UUID product, Instant at) {
    return Map.ofEntries(
        Map.entry("matchId", match),
        Map.entry("projectId", project),
        Map.entry("county", county),
        Map.entry("bankCode", bank),
        Map.entry("productId", product),
        Map.entry("productName", "固定资产贷款"),
        Map.entry("tier", "PROVINCE"),
        Map.entry("rank", 1),
        Map.entry("score", "80.00"),
        Map.entry("reasons", List.of()),
        Map.entry("deadline", LocalDate.now().toString()),
        Map.entry("proposedAt", at.toString()),
        Map.entry("demand", Map.of("industry", "INDUSTRY_AND_SOFTWARE")));
  }

  private static Map<String, Object> answer(
      UUID project,
      UUID match,
      String bank,
      UUID product,
      String answer,
      String amount,
      Instant at,
      String intended,
      String approved,
      String disbursed) {
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("responseId", UUID.randomUUID());
    payload.put("matchId", match);
    payload.put("projectId", project);
    payload.put("county", FIRST);
    payload.put("bankCode", bank);
    payload.put("productId", product);
    payload.put("answer", answer);
    if (amount != null) {
      payload.put("amount", amount);
    }
    switch (answer) {
      case "APPROVAL" -> {
        payload.put("annualRate", "3.850");
        payload.put("termMonths", 36);
      }
      case "DISBURSEMENT" -> payload.put("disbursedOn", LocalDate.now().toString());
      case "DECLINE" -> {
        payload.put("declineReason", "INSUFFICIENT_COLLATERAL");
        payload.put("note", "抵押不足");
      }
      default -> {}
    }
    payload.put("respondedAt", at.toString());
    payload.put(
        "totals", Map.of("intended", intended, "approved", approved, "disbursed", disbursed));
    return payload;
  }
}
