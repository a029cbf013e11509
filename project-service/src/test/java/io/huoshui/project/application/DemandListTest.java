package io.huoshui.project.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.domain.DemandColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * A long demand list is read as it is asked for: shown by counting the rows the reader has read
 * (its own callback, before anything is emitted) against the rows requested, not by time or heap,
 * which say more about the machine than about the reader.
 */
class DemandListTest {

  private static final int ROWS = 20_000;

  /** The most rows the reader may have read beyond those requested. */
  private static final int AHEAD = 1;

  @TempDir Path directory;

  @Test
  void anXlsxOf20000RowsIsReadOneRequestedRowAtATime() throws IOException {
    Path file = directory.resolve("demands.xlsx");
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("需求");
      fill(sheet.createRow(0), DemandColumns.headings());
      for (int i = 1; i <= ROWS; i++) {
        fill(sheet.createRow(i), demand(i));
      }
      workbook.write(out);
    }

    readOneAtATime(file);
  }

  @Test
  void aCsvOf20000RowsIsReadOneRequestedRowAtATime() throws IOException {
    Path file = directory.resolve("demands.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("\uFEFF" + String.join(",", DemandColumns.headings()) + "\r\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(String.join(",", demand(i)) + "\r\n");
        if (i % 1_000 == 0) {
          // A blank line is no row: the reader skips it without emitting anything.
          out.write("\r\n");
        }
      }
    }

    List<DemandList.Row> sample = readOneAtATime(file);
    assertThat(sample.get(0).cells()).isEqualTo(DemandColumns.headings());
  }

  /**
   * XML cannot hold a control character, so Excel writes it as {@code _x0007_}: the reader answers
   * the character, which the validation then refuses as the API does.
   */
  @Test
  void anXlsxCellWithAnEscapedControlCharacterReadsAsThatCharacter() throws IOException {
    Path file = directory.resolve("escaped.xlsx");
    List<String> written = demand(1);
    written.set(0, "控制_x0007_字符");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet();
      fill(sheet.createRow(0), DemandColumns.headings());
      fill(sheet.createRow(1), written);
      workbook.write(out);
    }

    List<DemandList.Row> rows = DemandList.rows(file).collectList().block();

    assertThat(rows.get(1).cells().get(0)).isEqualTo("控制\u0007字符");
    assertThat(rows.get(1).cells().subList(1, written.size()))
        .isEqualTo(written.subList(1, written.size()));
  }

  @Test
  void aSubscriberThatStopsEarlyStopsTheReader() throws IOException {
    Path file = directory.resolve("demands.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", DemandColumns.headings()) + "\r\n");
      for (int i = 1; i <= ROWS; i++) {
        out.write(String.join(",", demand(i)) + "\r\n");
      }
    }
    AtomicInteger parsed = new AtomicInteger();

    List<DemandList.Row> first =
        DemandList.rows(file, (number, cells) -> parsed.incrementAndGet())
            .take(10)
            .collectList()
            .block();

    assertThat(first).hasSize(10);
    assertThat(parsed).hasValueLessThanOrEqualTo(10 + AHEAD);
  }

  /**
   * Requests the rows one by one, checking after each how far the reader got; answers the headings
   * and every thousandth row.
   */
  private static List<DemandList.Row> readOneAtATime(Path file) {
    AtomicInteger parsed = new AtomicInteger();
    OneAtATime subscriber = new OneAtATime();
    DemandList.rows(file, (number, cells) -> parsed.incrementAndGet()).subscribe(subscriber);

    assertThat(parsed).as("rows read before any was requested").hasValue(0);
    int requested = 0;
    while (!subscriber.done.get()) {
      subscriber.request(1);
      requested++;
      assertThat(parsed.get())
          .as("rows read after %d were requested", requested)
          .isLessThanOrEqualTo(requested + AHEAD);
    }

    assertThat(subscriber.error).isNull();
    assertThat(subscriber.received).isEqualTo(ROWS + 1);
    assertThat(parsed).hasValue(ROWS + 1);
    List<DemandList.Row> sample = subscriber.sample;
    assertThat(sample).hasSize(ROWS / 1_000 + 1);
    assertThat(sample.get(sample.size() - 1).cells()).isEqualTo(demand(ROWS));
    return sample;
  }

  /** Requests nothing by itself: the test requests each row. */
  private static final class OneAtATime extends BaseSubscriber<DemandList.Row> {

    final AtomicBoolean done = new AtomicBoolean();
    final List<DemandList.Row> sample = new ArrayList<>();
    int received;
    Throwable error;

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      // The test asks for each row.
    }

    @Override
    protected void hookOnNext(DemandList.Row row) {
      if (received % 1_000 == 0) {
        sample.add(row);
      }
      received++;
    }

    @Override
    protected void hookOnError(Throwable throwable) {
      error = throwable;
    }

    @Override
    protected void hookFinally(reactor.core.publisher.SignalType type) {
      done.set(true);
    }
  }

  private static List<String> demand(int number) {
    List<String> row =
        new ArrayList<>(DemandColumns.ALL.stream().map(DemandColumns.Column::example).toList());
    row.set(0, "规模导入项目" + number);
    return row;
  }

  private static void fill(Row row, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      row.createCell(i).setCellValue(cells.get(i));
    }
  }
}
