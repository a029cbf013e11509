package io.huoshui.project.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.Contracts;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The pack's section on policy instruments adds up the approvals credit-service announced, played
 * from its example approval (a subsidy of 山西省 and a guarantee of 长治市) in a region of its own (6298,
 * counties 629801 and 629802, that no other test touches).
 *
 * <pre>
 * A 629801, jinshang-bank approves 70 000 000.00: subsidy S draws 2 100 000.00, guarantee G
 *   56 000 000.00 (the example's own figures); the approval is delivered twice
 * B 629802, cib-changzhi approves 5 000 000.00: subsidy S draws 150 000.00
 * A 629801, shanxi-bank approved 10 000 000.00 with G (8 000 000.00) in the quarter before
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentUseReportTest extends ProjectServiceTest {

  private static final String REGION = "6298";
  private static final String FIRST = "629801";
  private static final String SECOND = "629802";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String quarter;
  private String subsidy;
  private String subsidyName;
  private String guarantee;
  private String guaranteeName;

  @BeforeAll
  void approvalsDrawingOnInstruments() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    UUID a = submit(FIRST, demand("戊县铸件扩产", "70000000.00"));
    UUID b = submit(SECOND, demand("己县果蔬冷库", "5000000.00"));
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
    Quarter current = Quarter.of(LocalDate.ofInstant(at, Quarter.CHINA));
    quarter = current.toString();
    JsonNode drawn =
        Contracts.example(EventTypes.BANK_RESPONDED, "approval")
            .envelope()
            .data()
            .get("instruments");
    subsidy = drawn.get(0).get("instrumentId").asString();
    subsidyName = drawn.get(0).get("name").asString();
    guarantee = drawn.get(1).get("instrumentId").asString();
    guaranteeName = drawn.get(1).get("name").asString();

    UUID jinshang = UUID.randomUUID();
    Map<String, Object> first =
        Map.of(
            "matchId",
            jinshang,
            "county",
            FIRST,
            "bankCode",
            "jinshang-bank",
            "respondedAt",
            at.toString());
    publish(BANK_RESPONSES, example(EventTypes.BANK_RESPONDED, "approval", a, first));
    // The same approval announced again under another event id draws nothing more.
    publish(BANK_RESPONSES, example(EventTypes.BANK_RESPONDED, "approval", a, first));
    publish(
        BANK_RESPONSES,
        approval(
            a,
            FIRST,
            "shanxi-bank",
            "10000000.00",
            drawing(drawn.get(1), "8000000.00"),
            current.start().minus(Duration.ofHours(1))));
    publish(
        BANK_RESPONSES,
        approval(b, SECOND, "cib-changzhi", "5000000.00", drawing(drawn.get(0), "150000.00"), at));

    // A's events are applied in their order: once the earlier quarter's use is there, so is the
    // approval delivered twice.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                uses(a, "shanxi-bank") == 1
                    && uses(b, "cib-changzhi") == 1
                    && timelineSteps(a, "APPROVED") == 3);
    assertThat(uses(a, "jinshang-bank")).isEqualTo(2);
  }

  @Test
  void theOperatorSeesEachInstrumentByKindCountyAndBankOfTheQuarterOnly() {
    JsonNode section = report(TestTokens.operator(REGION)).get("instruments");

    JsonNode kinds = section.get("byKind");
    assertThat(kinds).hasSize(2);
    assertKind(kinds.get(0), "INTEREST_SUBSIDY", 2, "75000000.00", "2250000.00");
    assertKind(kinds.get(1), "GUARANTEE", 1, "70000000.00", "56000000.00");

    JsonNode instruments = section.get("byInstrument");
    assertThat(instruments).hasSize(2);
    assertUse(instruments.get(0), subsidy, 2, "75000000.00", "2250000.00");
    assertThat(instruments.get(0).get("kind").asString()).isEqualTo("INTEREST_SUBSIDY");
    assertThat(instruments.get(0).get("name").asString()).isEqualTo(subsidyName);
    assertThat(instruments.get(0).get("issuerRegion").asString()).isEqualTo("14");
    assertUse(instruments.get(1), guarantee, 1, "70000000.00", "56000000.00");
    assertThat(instruments.get(1).get("name").asString()).isEqualTo(guaranteeName);
    assertThat(instruments.get(1).get("issuerRegion").asString()).isEqualTo("1404");
    assertThat(instruments.get(1).has("county")).isFalse();

    JsonNode counties = section.get("byCounty");
    assertThat(counties).hasSize(3);
    assertThat(counties.get(0).get("county").asString()).isEqualTo(FIRST);
    assertUse(counties.get(0), subsidy, 1, "70000000.00", "2100000.00");
    assertThat(counties.get(1).get("county").asString()).isEqualTo(FIRST);
    assertUse(counties.get(1), guarantee, 1, "70000000.00", "56000000.00");
    assertThat(counties.get(2).get("county").asString()).isEqualTo(SECOND);
    assertUse(counties.get(2), subsidy, 1, "5000000.00", "150000.00");

    JsonNode banks = section.get("byBank");
    assertThat(banks).hasSize(3);
    assertThat(banks.get(0).get("bankCode").asString()).isEqualTo("cib-changzhi");
    assertUse(banks.get(0), subsidy, 1, "5000000.00", "150000.00");
    assertThat(banks.get(1).get("bankCode").asString()).isEqualTo("jinshang-bank");
    assertUse(banks.get(1), subsidy, 1, "70000000.00", "2100000.00");
    assertThat(banks.get(2).get("bankCode").asString()).isEqualTo("jinshang-bank");
    assertUse(banks.get(2), guarantee, 1, "70000000.00", "56000000.00");
  }

  @Test
  void aCountySeesTheInstrumentsOfItsOwnDemandsOnly() {
    JsonNode section = report(TestTokens.county(SECOND)).get("instruments");

    assertThat(section.get("byKind")).hasSize(1);
    assertKind(section.get("byKind").get(0), "INTEREST_SUBSIDY", 1, "5000000.00", "150000.00");
    assertThat(section.get("byInstrument")).hasSize(1);
    assertUse(section.get("byInstrument").get(0), subsidy, 1, "5000000.00", "150000.00");
    assertThat(section.get("byCounty")).hasSize(1);
    assertThat(section.get("byCounty").get(0).get("county").asString()).isEqualTo(SECOND);
    assertThat(section.get("byBank")).hasSize(1);
    assertThat(section.get("byBank").get(0).get("bankCode").asString()).isEqualTo("cib-changzhi");
    assertThat(section.toString()).doesNotContain(guarantee, "jinshang-bank");
  }

  @Test
  void theCsvAndThePrintedPageCarryTheSectionInChineseUnlessEnglishIsAsked() {
    String chinese = text(TestTokens.operator(REGION), null, "text/csv");
    assertThat(chinese)
        .contains(
            "# 政策工具使用：按种类合计\r\n种类,授信笔数,授信金额（元）,支用金额（元）\r\n"
                + "贴息,2,75000000.00,2250000.00\r\n"
                + "政府性融资担保,1,70000000.00,56000000.00\r\n")
        .contains("# 政策工具使用：按工具\r\n种类,政策工具,出资地区,工具编号,授信笔数,授信金额（元）,支用金额（元）\r\n")
        .contains("贴息,%s,山西省（14）,%s,2,75000000.00,2250000.00".formatted(subsidyName, subsidy))
        .contains("# 政策工具使用：按县区\r\n县区,种类,")
        .contains(
            "%s,贴息,%s,山西省（14）,%s,1,5000000.00,150000.00".formatted(SECOND, subsidyName, subsidy))
        .contains(
            "jinshang-bank,政府性融资担保,%s,长治市（1404）,%s,1,70000000.00,56000000.00"
                .formatted(guaranteeName, guarantee));
    String english = text(TestTokens.operator(REGION), "en", "text/csv");
    assertThat(english)
        .contains(
            "# policy instruments used: totals by kind\r\nkind,approvals,approved_cny,drawn_cny")
        .contains("interest subsidy,2,75000000.00,2250000.00")
        .contains(
            "# policy instruments used: by bank\r\nbank,kind,instrument,issuer,instrument_id,")
        .doesNotContain("政策工具使用");

    String page = text(TestTokens.operator(REGION), null, "text/html");
    assertThat(page)
        .contains("<h2>政策工具使用</h2>")
        .contains("<tr><td>贴息</td><td>2</td><td>7500.00</td><td>225.00</td></tr>")
        .contains(
            "<td class=\"text\">%s</td><td>政府性融资担保</td><td>长治市（1404）</td><td>1</td><td>7000.00</td><td>5600.00</td>"
                .formatted(guaranteeName))
        .contains("<td>cib-changzhi</td><td class=\"text\">%s</td>".formatted(subsidyName));
    assertThat(text(TestTokens.operator(REGION), "en", "text/html"))
        .contains("<h2>Policy instruments used</h2>", "<td>government financing guarantee</td>");
  }

  private static void assertKind(
      JsonNode row, String kind, long approvals, String approved, String drawn) {
    assertThat(row.get("kind").asString()).isEqualTo(kind);
    assertThat(row.get("approvals").asLong()).isEqualTo(approvals);
    assertThat(row.get("approvedAmount").asString()).isEqualTo(approved);
    assertThat(row.get("drawnAmount").asString()).isEqualTo(drawn);
  }

  private static void assertUse(
      JsonNode row, String instrument, long approvals, String approved, String drawn) {
    assertThat(row.get("instrumentId").asString()).isEqualTo(instrument);
    assertThat(row.get("approvals").asLong()).isEqualTo(approvals);
    assertThat(row.get("approvedAmount").asString()).isEqualTo(approved);
    assertThat(row.get("drawnAmount").asString()).isEqualTo(drawn);
  }

  /** credit-service's example approval, of another amount drawing on one instrument. */
  private static EventEnvelope approval(
      UUID project, String county, String bank, String amount, JsonNode drawing, Instant at) {
    return example(
        EventTypes.BANK_RESPONDED,
        "approval",
        project,
        Map.of(
            "matchId", UUID.randomUUID(),
            "county", county,
            "bankCode", bank,
            "amount", amount,
            "totals.intended", amount,
            "totals.approved", amount,
            "instruments", List.of(drawing),
            "respondedAt", at.toString()));
  }

  /** The example's drawing of an instrument, drawing another amount. */
  private static JsonNode drawing(JsonNode example, String drawn) {
    return ((ObjectNode) example.deepCopy()).put("drawn", drawn);
  }

  private long uses(UUID project, String bank) {
    return database
        .sql("SELECT count(*) FROM project_instrument_use WHERE project_id = :p AND bank_code = :b")
        .bind("p", project)
        .bind("b", bank)
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private JsonNode report(String token) {
    return JSON.readTree(text(token, null, "application/json"));
  }

  private String text(String token, String language, String accept) {
    return new String(
        read("/api/v1/reports/quarterly?quarter=" + quarter, token, language, accept),
        StandardCharsets.UTF_8);
  }

  private static Map<String, Object> demand(String title, String amount) {
    Map<String, Object> demand = toyPlant();
    demand.put("title", title);
    demand.put("amountRequested", amount);
    return demand;
  }
}
