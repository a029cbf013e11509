package io.huoshui.project.domain;

import io.huoshui.service.web.ApiProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A whole division table as the network's administrator loads it, checked before it replaces the
 * one in use: a table with one bad row would leave counties unnamed or misnamed, so the first bad
 * row refuses all of it, named by its line.
 */
public final class DivisionTable {

  /** Well above the roughly 3 200 places of China's county-level table. */
  public static final int MAX_ROWS = 10_000;

  private static final int MAX_NAME = 50;

  private DivisionTable() {}

  /** The rows as given, if each is a place with a code of its own; refused otherwise. */
  public static List<Division> checked(List<Division> rows) {
    if (rows.isEmpty()) {
      throw ApiProblem.invalid("divisions", "不能为空", "must list at least one place");
    }
    if (rows.size() > MAX_ROWS) {
      throw ApiProblem.invalid(
          "divisions",
          "最多 %d 行".formatted(MAX_ROWS),
          "must have at most %d rows".formatted(MAX_ROWS));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Division row = rows.get(i);
      String field = "[%d]".formatted(i);
      if (!DivisionCodes.isDivision(row.code())) {
        throw DivisionCodes.notADivision(field + ".code");
      }
      if (!seen.add(row.code())) {
        throw ApiProblem.invalid(
            field + ".code",
            "代码 %s 重复".formatted(row.code()),
            "%s is listed twice".formatted(row.code()));
      }
      if (!isName(row.name())) {
        throw ApiProblem.invalid(
            field + ".name",
            "必须是 1 到 %d 个字符的名称，不含控制字符".formatted(MAX_NAME),
            "must be a name of 1 to %d characters without control characters".formatted(MAX_NAME));
      }
    }
    return List.copyOf(rows);
  }

  /**
   * The rows of a CSV file of {@code code,name} lines (RFC 4180; a first line {@code code,name} is
   * a heading; a byte-order mark, as Excel writes one, is skipped), unchecked.
   */
  public static List<Division> fromCsv(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> lines = csvLines(body);
    if (!lines.isEmpty()
        && lines.get(0).size() == 2
        && lines.get(0).get(0).strip().equalsIgnoreCase("code")) {
      lines = lines.subList(1, lines.size());
    }
    List<Division> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.size() != 2) {
        throw ApiProblem.invalid(
            "[%d]".formatted(i), "每行须为“代码,名称”两列", "each line must be two cells, code and name");
      }
      rows.add(new Division(cells.get(0).strip(), cells.get(1).strip()));
    }
    return rows;
  }

  /**
   * The file's lines as cells; blank lines are skipped, quoted cells may hold commas and quotes.
   */
  private static List<List<String>> csvLines(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        endLine(lines, cells, cell);
        cells = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw ApiProblem.invalid("divisions", "引号未闭合", "a quoted cell is not closed");
    }
    endLine(lines, cells, cell);
    return lines;
  }

  private static void endLine(List<List<String>> lines, List<String> cells, StringBuilder cell) {
    cells.add(cell.toString());
    cell.setLength(0);
    if (cells.size() > 1 || !cells.get(0).isBlank()) {
      lines.add(cells);
    }
  }

  private static boolean isName(String name) {
    if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME) {
      return false;
    }
    return name.codePoints()
        .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
  }
}
