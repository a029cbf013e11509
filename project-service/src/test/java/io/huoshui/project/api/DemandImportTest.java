package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.project.application.DemandImports;
import io.huoshui.project.domain.DemandColumns;
import io.huoshui.testsupport.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemandImportTest extends ProjectServiceTest {

  private static final String COUNTY = "140428";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void acceptedRowsAreSubmittedAndARefusedRowNamesItsFieldAndWritesNothing() {
    String good = "导入项目" + UUID.randomUUID();
    String bad = "导入项目" + UUID.randomUUID();
    String other = "导入项目" + UUID.randomUUID();
    byte[] csv =
        csv(
            example(DemandColumns.headings().indexOf("项目名称"), good),
            withTerm(example(0, bad), "999"),
            example(0, other));

    JsonNode report = upload(csv, "zh", MediaType.APPLICATION_JSON);

    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(2);
    assertThat(report.get("totals").get("refused").asInt()).isEqualTo(1);
    JsonNode refused = report.get("rows").get(1);
    assertThat(refused.get("row").asInt()).isEqualTo(3);
    assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("termMonths");
    assertThat(refused.get("errors").get(0).get("column").asString()).isEqualTo("期限（月）");
    assertThat(refused.get("errors").get(0).get("message").asString()).isEqualTo("不得大于 360");
    assertThat(count("SELECT count(*) FROM project WHERE title = :v", bad)).isZero();
    for (int i : List.of(0, 2)) {
      String id = report.get("rows").get(i).get("project").asString();
      http.get()
          .uri("/api/v1/projects/" + id)
          .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
          .exchange()
          .expectStatus()
          .isOk();
      assertThat(count("SELECT count(*) FROM event_outbox WHERE message_key = :v", id))
          .isEqualTo(1);
    }

    JsonNode again = upload(csv, "zh", MediaType.APPLICATION_JSON);
    assertThat(again).isEqualTo(report);
    assertThat(count("SELECT count(*) FROM project WHERE title = :v", good)).isEqualTo(1);
  }

  @Test
  void aRefusalIsInEnglishWhenAskedAndTheStreamEndsWithTheTotals() throws IOException {
    byte[] csv = csv(withTerm(example(0, "导入项目" + UUID.randomUUID()), "三十六"));
    byte[] lines =
        posted(csv, "en", MediaType.APPLICATION_NDJSON)
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
      parsed.add(JSON.readTree(line));
    }
    assertThat(parsed).hasSize(2);
    JsonNode error = parsed.get(0).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("termMonths");
    assertThat(error.get("message").asString()).isEqualTo("must be a whole number");
    assertThat(parsed.get(1).get("refused").asInt()).isEqualTo(1);

    JsonNode tooLong =
        upload(
            csv(withTerm(example(0, "导入项目" + UUID.randomUUID()), "999")),
            "en",
            MediaType.APPLICATION_JSON);
    assertThat(tooLong.get("rows").get(0).get("errors").get(0).get("message").asString())
        .isEqualTo("must be at most 360");
  }

  @Test
  void anXlsxMadeWithPoiIsAccepted() throws IOException {
    String title = "导入项目" + UUID.randomUUID();
    JsonNode report =
        upload(xlsx(DemandColumns.headings(), example(0, title)), "zh", MediaType.APPLICATION_JSON);
    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM project WHERE title = :v", title)).isEqualTo(1);
  }

  @Test
  void hostileFilesAreRefusedNamingTheFile() throws IOException {
    byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 7};
    refusedFile(binary);

    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      fill(sheet.createRow(0), DemandColumns.headings());
      Row row = sheet.createRow(1);
      fill(row, example(0, "导入项目" + UUID.randomUUID()));
      row.createCell(9).setCellFormula("1+35");
      workbook.write(out);
      refusedFile(out.toByteArray());
    }

    List<List<String>> many = new ArrayList<>();
    for (int i = 0; i <= DemandImports.MAX_ROWS; i++) {
      many.add(example(0, "x"));
    }
    refusedFile(csv(many.toArray(List[]::new)));

    String title = "导入项目" + UUID.randomUUID();
    JsonNode control = upload(csv(example(0, title + "\u0007")), "zh", MediaType.APPLICATION_JSON);
    assertThat(control.get("rows").get(0).get("errors").get(0).get("field").asString())
        .isEqualTo("title");
    assertThat(count("SELECT count(*) FROM project WHERE title LIKE :v", title + "%")).isZero();
  }

  @Test
  void theTemplatesFilledWithTheExampleRowImport() throws IOException {
    byte[] csv = template("csv");
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF" + String.join(",", DemandColumns.headings()));

    byte[] xlsx = template("xlsx");
    List<String> example = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet help = workbook.getSheet("说明");
      assertThat(help).isNotNull();
      help.getRow(1).forEach(cell -> example.add(cell.getStringCellValue()));
      List<String> headings = new ArrayList<>();
      workbook.getSheetAt(0).getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
      assertThat(headings).isEqualTo(DemandColumns.headings());
    }
    String title = "导入项目" + UUID.randomUUID();
    example.set(0, title);
    String filled = text + String.join(",", example) + "\r\n";
    JsonNode report =
        upload(filled.getBytes(StandardCharsets.UTF_8), "zh", MediaType.APPLICATION_JSON);
    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(1);
  }

  private byte[] template(String format) {
    return http.get()
        .uri("/api/v1/projects/import/template?format=" + format)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult()
        .getResponseBody();
  }

  private void refusedFile(byte[] file) {
    posted(file, "zh", MediaType.APPLICATION_JSON)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("file");
  }

  private JsonNode upload(byte[] file, String language, MediaType accept) {
    WebTestClient.ResponseSpec response = posted(file, language, accept).expectStatus().isOk();
    return JSON.readTree(response.expectBody().returnResult().getResponseBody());
  }

  private WebTestClient.ResponseSpec posted(byte[] file, String language, MediaType accept) {
    return http.post()
        .uri("/api/v1/projects/import")
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .header("Accept-Language", language)
        .accept(accept)
        .body(BodyInserters.fromMultipartData(multipart(file, "list")))
        .exchange();
  }

  static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>>
      multipart(byte[] file, String name) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part(
            "file",
            new ByteArrayResource(file) {
              @Override
              public String getFilename() {
                return name;
              }
            })
        .contentType(MediaType.APPLICATION_OCTET_STREAM);
    return body.build();
  }

  private static List<String> example(int column, String value) {
    List<String> row =
        new ArrayList<>(DemandColumns.ALL.stream().map(DemandColumns.Column::example).toList());
    row.set(column, value);
    return row;
  }

  private static List<String> withTerm(List<String> row, String term) {
    row.set(DemandColumns.headings().indexOf("期限（月）"), term);
    return row;
  }

  @SafeVarargs
  private static byte[] csv(List<String>... rows) {
    StringBuilder text = new StringBuilder(String.join(",", DemandColumns.headings()) + "\r\n");
    for (List<String> row : rows) {
      text.append(String.join(",", row)).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static byte[] xlsx(List<String>... rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet();
      for (int i = 0; i < rows.length; i++) {
        fill(sheet.createRow(i), rows[i]);
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void fill(Row row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      row.createCell(i).setCellValue(cells.get(i));
    }
  }
}
