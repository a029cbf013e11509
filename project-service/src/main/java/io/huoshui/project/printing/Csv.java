package io.huoshui.project.printing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A CSV file as the service's packs are written: UTF-8 with a byte-order mark so that Excel, which
 * the county offices use, opens the Chinese titles as text rather than mojibake; sections headed by
 * a {@code #} line; lines ended by CRLF (RFC 4180).
 */
public final class Csv {

  private final StringBuilder text = new StringBuilder("\uFEFF");

  public Csv line(Object... cells) {
    text.append(Stream.of(cells).map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
    return this;
  }

  /** A section: its title, then its columns' headings. */
  public Csv section(String title, List<String> header) {
    line("# " + title);
    return line(header.toArray());
  }

  public Csv blank() {
    text.append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /**
   * RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with a quote
   * mark, because titles are typed by county officers and the file is opened by others.
   */
  private static String cell(Object value) {
    String text = Objects.toString(value, "");
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
