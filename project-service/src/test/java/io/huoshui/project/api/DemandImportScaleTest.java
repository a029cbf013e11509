package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.project.domain.DemandColumns;
import io.huoshui.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demand lists of the size a county keeps: each in a county of its own, so that no other test's
 * demands are counted. Nothing here is timed; the client waits as long as the base lets it.
 */
class DemandImportScaleTest extends ProjectServiceTest {

  private static final String FAULTY_COUNTY = "149941";
  private static final String LONG_COUNTY = "149942";
  private static final String SUBMITTED = "io.huoshui.project.ProjectSubmitted.v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A fault of one row: the cell it breaks, and what the report must say of it. */
  private record Fault(String heading, String cell, String field, String message) {}

  @Test
  void anXlsxOf1000DemandsWith10FaultyRowsImports990AndTheSameFileAgainCreatesNothing()
      throws IOException {
    Map<Integer, Fault> faults = new LinkedHashMap<>();
    faults.put(12, new Fault("项目名称", "规模导入_x0007_项目", "title", "不得包含控制字符或 NUL"));
    faults.put(113, new Fault("项目简介", "长".repeat(4001), "description", "长度必须在 0 到 4000 之间"));
    faults.put(
        214,
        new Fault(
            "统一社会信用代码",
            "91140428MA0JX1234",
            "enterprise.creditCode",
            "必须是 18 位统一社会信用代码，且校验码符合 GB 32100-2015"));
    faults.put(
        315, new Fault("企业规模", "HUGE", "enterprise.size", "必须是以下之一：MICRO, SMALL, MEDIUM, LARGE"));
    faults.put(
        416,
        new Fault(
            "行业",
            "ALCHEMY",
            "industry",
            "必须是以下之一：AGRICULTURE, INDUSTRY_AND_SOFTWARE, CONSTRUCTION, TRADE_AND_HOSPITALITY, CULTURE_AND_TOURISM, TRANSPORT, OTHER_SERVICES"));
    faults.put(
        517, new Fault("申请金额（元）", "70000000.123", "amountRequested", "整数部分最多 12 位，小数部分最多 2 位"));
    faults.put(618, new Fault("期限（月）", "999", "termMonths", "不得大于 360"));
    faults.put(
        719,
        new Fault(
            "担保方式",
            "GOLD",
            "collateral[0]",
            "必须是以下之一：REAL_ESTATE, EQUIPMENT, RECEIVABLES, COMMERCIAL_PAPER, WATER_RIGHTS, CARBON_QUOTA, EMISSION_RIGHTS, EQUITY, GUARANTEE, NONE"));
    faults.put(820, new Fault("联系人", "", "contact.name", "必须填写，且不能只有空白"));
    faults.put(
        1001,
        new Fault("联系电话", "12345", "contact.phone", "必须是手机号码（13800000000）或固定电话（0355-1234567）"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(DemandColumns.headings());
    for (int number = 2; number <= 1_001; number++) {
      List<String> row = demand(FAULTY_COUNTY, number);
      Fault fault = faults.get(number);
      if (fault != null) {
        row.set(DemandColumns.headings().indexOf(fault.heading()), fault.cell());
      }
      rows.add(row);
    }
    byte[] xlsx = xlsx(rows);

    JsonNode report = upload(FAULTY_COUNTY, xlsx, MediaType.APPLICATION_JSON);

    assertThat(report.get("totals").get("rows").asInt()).isEqualTo(1_000);
    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(990);
    assertThat(report.get("totals").get("refused").asInt()).isEqualTo(10);
    Map<Integer, JsonNode> refused = new LinkedHashMap<>();
    Set<String> accepted = new HashSet<>();
    for (JsonNode row : report.get("rows")) {
      if ("REFUSED".equals(row.get("status").asString())) {
        refused.put(row.get("row").asInt(), row);
      } else {
        accepted.add(row.get("project").asString());
      }
    }
    assertThat(refused.keySet()).containsExactlyElementsOf(faults.keySet());
    faults.forEach(
        (number, fault) -> {
          JsonNode errors = refused.get(number).get("errors");
          assertThat(errors).as("row %d", number).hasSize(1);
          assertThat(errors.get(0).get("field").asString()).isEqualTo(fault.field());
          assertThat(errors.get(0).get("column").asString()).isEqualTo(fault.heading());
          assertThat(errors.get(0).get("message").asString()).isEqualTo(fault.message());
        });
    assertThat(accepted).hasSize(990);
    assertThat(demandsOf(FAULTY_COUNTY)).isEqualTo(990);
    assertThat(submissionsInOutbox(FAULTY_COUNTY)).isEqualTo(990);
    await().atMost(Duration.ofMinutes(3)).until(() -> submittedOnKafka(accepted) == 990);

    JsonNode again = upload(FAULTY_COUNTY, xlsx, MediaType.APPLICATION_JSON);

    assertThat(again).isEqualTo(report);
    assertThat(demandsOf(FAULTY_COUNTY)).isEqualTo(990);
    assertThat(submissionsInOutbox(FAULTY_COUNTY)).isEqualTo(990);
    assertThat(submittedOnKafka(accepted)).isEqualTo(990);
  }

  @Test
  void aCsvOf20000DemandsImportsAsAStream() {
    StringBuilder text = new StringBuilder(String.join(",", DemandColumns.headings()) + "\r\n");
    for (int number = 2; number <= 20_001; number++) {
      text.append(String.join(",", demand(LONG_COUNTY, number))).append("\r\n");
    }
    byte[] csv = text.toString().getBytes(StandardCharsets.UTF_8);

    byte[] lines =
        posted(LONG_COUNTY, csv, MediaType.APPLICATION_NDJSON)
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();

    String[] answered = new String(lines, StandardCharsets.UTF_8).split("\n");
    assertThat(answered).hasSize(20_001);
    JsonNode totals = JSON.readTree(answered[answered.length - 1]);
    assertThat(totals.get("rows").asInt()).isEqualTo(20_000);
    assertThat(totals.get("accepted").asInt()).isEqualTo(20_000);
    assertThat(totals.get("refused").asInt()).isZero();
    assertThat(JSON.readTree(answered[19_999]).get("row").asInt()).isEqualTo(20_001);
    assertThat(demandsOf(LONG_COUNTY)).isEqualTo(20_000);
  }

  private long demandsOf(String county) {
    return count("SELECT count(*) FROM project WHERE county = :v", county);
  }

  private long submissionsInOutbox(String county) {
    return count(
        """
        SELECT count(*) FROM event_outbox o JOIN project p ON o.message_key = p.id::text
        WHERE p.county = :v AND o.event_type = '%s'
        """
            .formatted(SUBMITTED),
        county);
  }

  /** How many ProjectSubmitted records about these demands the topic holds. */
  private int submittedOnKafka(Set<String> projects) {
    return recordsThat(
        "huoshui.projects",
        record ->
            projects.contains(record.key()) && SUBMITTED.equals(codec.read(record.value()).type()));
  }

  private JsonNode upload(String county, byte[] file, MediaType accept) {
    return JSON.readTree(
        posted(county, file, accept)
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody());
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec posted(
      String county, byte[] file, MediaType accept) {
    // A report of 20,000 rows is larger than the client buffers by default, and takes 20,000
    // transactions: on a crowded machine longer than the base's minute.
    return http.mutate()
        .responseTimeout(Duration.ofMinutes(10))
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
        .build()
        .post()
        .uri("/api/v1/projects/import")
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .header("Accept-Language", "zh")
        .accept(accept)
        .body(BodyInserters.fromMultipartData(DemandImportTest.multipart(file, "需求清单")))
        .exchange();
  }

  /** The template's example demand, titled by its county and row. */
  private static List<String> demand(String county, int number) {
    List<String> row =
        new ArrayList<>(DemandColumns.ALL.stream().map(DemandColumns.Column::example).toList());
    row.set(0, "规模导入项目 " + county + "-" + number);
    return row;
  }

  private static byte[] xlsx(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("需求");
      for (int i = 0; i < rows.size(); i++) {
        Row row = sheet.createRow(i);
        List<String> cells = rows.get(i);
        for (int c = 0; c < cells.size(); c++) {
          row.createCell(c).setCellValue(cells.get(c));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }
}
