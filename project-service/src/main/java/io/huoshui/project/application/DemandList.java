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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import reactor.core.publisher.Flux;

/**
 * An uploaded demand list, CSV or XLSX as its bytes say, read row by row from the spooled file: the
 * first row is the headings, each later non-blank row one demand.
 *
 * <p>The rows are pulled, one each time the reader is asked for one, never pushed: a push parser
 * (SAX) feeding a sink runs to the end of the sheet whatever the subscriber asked for, so every row
 * of a long list would wait in the sink's buffer while the rows before it are submitted one by one.
 * A CSV is read through its parser's iterator; an XLSX sheet through StAX, each XML event handed to
 * POI's own {@link XSSFSheetXMLHandler} (so that cells are read as POI reads them) until a row is
 * complete. Neither keeps the sheet: the shared strings are POI's read-only table, the only part of
 * the file held whole.
 */
final class DemandList {

  /** What is done with each row: its number in the sheet (the headings are row 1) and its cells. */
  interface Rows {
    void row(int number, List<String> cells);
  }

  /** One row read: its number in the sheet and its cells. */
  record Row(int number, List<String> cells) {}

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private DemandList() {}

  /** Every row of the file, the headings first, each read when it is requested. */
  static Flux<Row> rows(Path file) {
    return rows(file, (number, cells) -> {});
  }

  /**
   * As {@link #rows(Path)}, telling {@code parsed} of each row the moment the reader has read it,
   * before it is emitted: how far the reader is ahead of its subscriber.
   */
  static Flux<Row> rows(Path file, Rows parsed) {
    return Flux.generate(
        () -> open(file, parsed),
        (cursor, sink) -> {
          Row row = cursor.next();
          if (row == null) {
            sink.complete();
          } else {
            sink.next(row);
          }
          return cursor;
        },
        Cursor::close);
  }

  /** Reads every row at once into {@code rows}, keeping none. */
  static void read(Path file, Rows rows) {
    try (Cursor cursor = open(file, rows)) {
      while (cursor.next() != null) {
        // Each row has been handed to rows as it was read.
      }
    }
  }

  private static Cursor open(Path file, Rows parsed) {
    try {
      return new Cursor(isZip(file) ? new XlsxSource(file, parsed) : new CsvSource(file, parsed));
    } catch (IOException | OpenXML4JException | XMLStreamException e) {
      throw unreadable();
    } catch (RuntimeException e) {
      throw asProblem(e);
    }
  }

  private static ApiProblem unreadable() {
    return ApiProblem.invalid(
        "file",
        "无法读取：须为 UTF-8 的 CSV 或 XLSX 文件",
        "cannot be read: must be a UTF-8 CSV or an XLSX file");
  }

  private static ApiProblem asProblem(RuntimeException e) {
    // A malformed file surfaces as the parsers' own runtime exceptions.
    return e instanceof ApiProblem problem ? problem : unreadable();
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

  /** A reader positioned between two rows. */
  private interface Source extends AutoCloseable {

    /** The next non-blank row, or null after the last. */
    Row next() throws Exception;

    @Override
    void close();
  }

  /**
   * A source whose every failure the caller sees as the problem with the file; it is closed once,
   * though both a failure and its subscriber's end close it.
   */
  private static final class Cursor implements AutoCloseable {

    private final Source source;
    private boolean closed;

    Cursor(Source source) {
      this.source = source;
    }

    Row next() {
      try {
        return source.next();
      } catch (RuntimeException e) {
        close();
        throw asProblem(e);
      } catch (Exception e) {
        close();
        throw unreadable();
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        source.close();
      }
    }
  }

  private static final class CsvSource implements Source {

    private final Reader in;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Rows parsed;
    private int number;

    CsvSource(Path file, Rows parsed) throws IOException {
      this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      this.parser =
          CSVParser.parse(in, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get());
      this.records = parser.iterator();
      this.parsed = parsed;
    }

    @Override
    public Row next() {
      while (records.hasNext()) {
        List<String> cells = records.next().toList();
        number++;
        if (number == 1 && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
          cells = new ArrayList<>(cells);
          cells.set(0, cells.get(0).substring(1));
        }
        if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
          parsed.row(number, cells);
          return new Row(number, cells);
        }
      }
      return null;
    }

    @Override
    public void close() {
      try {
        parser.close();
        in.close();
      } catch (IOException e) {
        // Read only: nothing is lost when closing fails.
      }
    }
  }

  private static final class XlsxSource implements Source {

    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final NoFormulas handler;
    private final Deque<Row> ready = new ArrayDeque<>();

    XlsxSource(Path file, Rows parsed) throws IOException, OpenXML4JException, XMLStreamException {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      InputStream opened = null;
      XMLStreamReader reader = null;
      NoFormulas sheetHandler = null;
      try {
        XSSFReader parts = new XSSFReader(pkg);
        var strings = new ReadOnlySharedStringsTable(pkg);
        var sheets = parts.getSheetsData();
        if (!sheets.hasNext()) {
          throw unreadable();
        }
        opened = sheets.next();
        reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(opened);
        sheetHandler =
            new NoFormulas(
                parts.getStylesTable(),
                strings,
                new SheetRows(
                    (number, cells) -> {
                      parsed.row(number, cells);
                      ready.add(new Row(number, cells));
                    }));
      } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
        pkg.revert();
        throw e;
      } catch (SAXException e) {
        pkg.revert();
        throw unreadable();
      }
      sheet = opened;
      xml = reader;
      handler = sheetHandler;
    }

    @Override
    public Row next() throws XMLStreamException, SAXException {
      while (ready.isEmpty() && xml.hasNext()) {
        handle(xml.next());
      }
      return ready.poll();
    }

    /** Hands one StAX event to the SAX handler as a SAX parser would. */
    private void handle(int event) throws SAXException {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          AttributesImpl attributes = new AttributesImpl();
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.addAttribute(
                orEmpty(xml.getAttributeNamespace(i)),
                xml.getAttributeLocalName(i),
                qualified(xml.getAttributePrefix(i), xml.getAttributeLocalName(i)),
                "CDATA",
                xml.getAttributeValue(i));
          }
          handler.startElement(
              orEmpty(xml.getNamespaceURI()),
              xml.getLocalName(),
              qualified(xml.getPrefix(), xml.getLocalName()),
              attributes);
        }
        case XMLStreamConstants.END_ELEMENT ->
            handler.endElement(
                orEmpty(xml.getNamespaceURI()),
                xml.getLocalName(),
                qualified(xml.getPrefix(), xml.getLocalName()));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        default -> {
          // Comments, processing instructions and the document's ends mean nothing to a sheet.
        }
      }
    }

    private static String orEmpty(String text) {
      return text == null ? "" : text;
    }

    private static String qualified(String prefix, String local) {
      return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    @Override
    public void close() {
      try {
        xml.close();
        sheet.close();
      } catch (XMLStreamException | IOException e) {
        // Read only: nothing is lost when closing fails.
      } finally {
        // Opened to read: reverting closes the file without writing to it.
        pkg.revert();
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
