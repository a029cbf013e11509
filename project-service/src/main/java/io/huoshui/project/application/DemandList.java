package io.huoshui.project.application;

import io.huoshui.service.web.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An uploaded demand list, CSV or XLSX as its bytes say, read row by row from the spooled file: the
 * first row is the headings, each later non-blank row one demand.
 */
final class DemandList {

  /** What is done with each row: its number in the sheet (the headings are row 1) and its cells. */
  interface Rows {
    void row(int number, List<String> cells);
  }

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private DemandList() {}

  static void read(Path file, Rows rows) {
    try {
      if (isZip(file)) {
        readXlsx(file, rows);
      } else {
        readCsv(file, rows);
      }
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw unreadable();
    } catch (RuntimeException e) {
      if (e instanceof ApiProblem problem) {
        throw problem;
      }
      // A malformed spreadsheet surfaces as the reader's own runtime exceptions.
      throw unreadable();
    }
  }

  private static ApiProblem unreadable() {
    return ApiProblem.invalid(
        "file",
        "无法读取：须为 UTF-8 的 CSV 或 XLSX 文件",
        "cannot be read: must be a UTF-8 CSV or an XLSX file");
  }

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP.length), ZIP);
    }
  }

  /** A text file is UTF-8 without NUL bytes; anything else is no CSV. */
  static boolean isText(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      char[] buffer = new char[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == 0) {
            return false;
          }
        }
      }
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static void readCsv(Path file, Rows rows) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      int number = 0;
      for (CSVRecord record : parser) {
        number++;
        List<String> cells = record.toList();
        if (number == 1 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
          cells = new ArrayList<>(cells);
          cells.set(0, cells.get(0).substring(1));
        }
        if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
          rows.row(number, cells);
        }
      }
    }
  }

  private static void readXlsx(Path file, Rows rows)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      var strings = new ReadOnlySharedStringsTable(pkg);
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw unreadable();
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new NoFormulas(reader.getStylesTable(), strings, new SheetRows(rows)));
        parser.parse(new InputSource(sheet));
      }
    }
  }

  /**
   * A formula would be evaluated by the next spreadsheet that opens the data (CSV injection); a
   * demand list states values, so a sheet with one is refused whole.
   */
  private static final class NoFormulas extends XSSFSheetXMLHandler {

    NoFormulas(
        org.apache.poi.xssf.model.Styles styles,
        ReadOnlySharedStringsTable strings,
        SheetContentsHandler rows) {
      super(styles, null, strings, rows, new DataFormatter(), false);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      if ("f".equals(localName)) {
        throw ApiProblem.invalid("file", "不能含有公式，请填写数值", "must hold values, not formulas");
      }
      super.startElement(uri, localName, qName, attributes);
    }
  }

  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Rows rows;
    private List<String> cells = new ArrayList<>();

    SheetRows(Rows rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
    }

    @Override
    public void endRow(int rowNum) {
      if (cells.stream().anyMatch(cell -> cell != null && !cell.isBlank())) {
        rows.row(rowNum + 1, cells);
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int column = new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value);
    }
  }
}
