package io.huoshui.project.api;

import io.huoshui.project.application.DemandImports;
import io.huoshui.project.domain.DemandColumns;
import io.huoshui.project.domain.DemandColumns.Column;
import io.huoshui.project.domain.ImportedRow;
import io.huoshui.service.security.Actor;
import io.huoshui.service.security.Tenant;
import io.huoshui.service.web.ApiProblem;
import io.huoshui.service.web.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demand lists as county officers keep them in spreadsheets: a template to fill, and the upload
 * that submits each of its rows as a single submission would.
 */
@RestController
@RequestMapping("/api/v1/projects/import")
class ImportController {

  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final DemandImports imports;

  ImportController(DemandImports imports) {
    this.imports = imports;
  }

  /** One refusal of a row: the column, the request's JSON path and why. */
  record RowError(String column, String field, String message) {}

  /** One row's outcome: the demand it submitted, or its errors. */
  record RowView(int row, String status, UUID project, List<RowError> errors) {}

  /** The last line of a streamed answer, and the sums of a whole one. */
  record Totals(int rows, int accepted, int refused) {}

  /** The answer to a whole upload at once. */
  record ImportReport(List<RowView> rows, Totals totals) {}

  @GetMapping("/template")
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ResponseEntity<byte[]>> template(
      @RequestParam(required = false) String format, Tenant tenant) {
    onlyACounty(tenant);
    String which = format == null ? "csv" : format;
    return switch (which) {
      case "csv" -> Mono.just(file(CSV, "demand-template.csv", csvTemplate()));
      case "xlsx" -> Mono.just(file(XLSX, "demand-template.xlsx", xlsxTemplate()));
      default -> Mono.error(ApiProblem.invalid("format", "必须是 csv 或 xlsx", "must be csv or xlsx"));
    };
  }

  @PostMapping(
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_NDJSON_VALUE)
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Flux<Object> uploadStreamed(
      @RequestPart("file") Mono<Part> file,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    onlyACounty(tenant);
    int[] sums = new int[2];
    return outcomes(file, tenant, actor)
        .map(
            row -> {
              sums[row.isAccepted() ? 0 : 1]++;
              return (Object) view(row, exchange);
            })
        .concatWith(Mono.fromSupplier(() -> new Totals(sums[0] + sums[1], sums[0], sums[1])));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAuthority('SCOPE_projects:write')")
  Mono<ImportReport> upload(
      @RequestPart("file") Mono<Part> file,
      Tenant tenant,
      Actor actor,
      ServerWebExchange exchange) {
    onlyACounty(tenant);
    return outcomes(file, tenant, actor)
        .collectList()
        .map(
            rows -> {
              int accepted = (int) rows.stream().filter(ImportedRow::isAccepted).count();
              return new ImportReport(
                  rows.stream().map(row -> view(row, exchange)).toList(),
                  new Totals(rows.size(), accepted, rows.size() - accepted));
            });
  }

  private Flux<ImportedRow> outcomes(Mono<Part> file, Tenant tenant, Actor actor) {
    return file.filter(FilePart.class::isInstance)
        .switchIfEmpty(
            Mono.error(() -> ApiProblem.invalid("file", "须上传一个文件", "must be an uploaded file")))
        .flatMapMany(part -> imports.upload(tenant.id(), actor, part.content()));
  }

  private static void onlyACounty(Tenant tenant) {
    if (!tenant.isCounty()) {
      throw ApiProblem.forbidden("只有县区可以导入融资需求。", "Only a county imports demand.");
    }
  }

  private static RowView view(ImportedRow row, ServerWebExchange exchange) {
    List<RowError> errors =
        row.errors().stream()
            .map(
                error ->
                    new RowError(
                        DemandColumns.headingOf(error.field()),
                        error.field(),
                        Problems.inLanguageOf(exchange, error.chinese(), error.english())))
            .toList();
    return new RowView(row.row(), row.isAccepted() ? "ACCEPTED" : "REFUSED", row.project(), errors);
  }

  private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  /** Headings only, after a byte-order mark so that Excel reads the file as UTF-8. */
  private static byte[] csvTemplate() {
    StringBuilder text = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      printer.printRecord(DemandColumns.headings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The headings to fill, and a sheet 说明 explaining each column with an example row. */
  private static byte[] xlsxTemplate() {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet demands = workbook.createSheet("需求");
      Sheet help = workbook.createSheet("说明");
      Row headings = demands.createRow(0);
      Row helpHeadings = help.createRow(0);
      Row example = help.createRow(1);
      List<Column> columns = DemandColumns.ALL;
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        headings.createCell(i).setCellValue(column.heading());
        helpHeadings.createCell(i).setCellValue(column.heading());
        example.createCell(i).setCellValue(column.example());
        help.createRow(i + 3).createCell(0).setCellValue(column.heading());
        help.getRow(i + 3).createCell(1).setCellValue(column.path());
        help.getRow(i + 3).createCell(2).setCellValue(column.explanation());
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
