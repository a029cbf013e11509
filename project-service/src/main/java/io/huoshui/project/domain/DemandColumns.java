package io.huoshui.project.domain;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns of a demand list, one per member of a {@link Demand} with nested members flattened: a
 * row becomes exactly the JSON body a single submission takes, so that it is refused or accepted by
 * the same parsing and validation.
 */
public final class DemandColumns {

  /** How a cell becomes a JSON value. */
  enum Kind {
    TEXT,
    INTEGER,
    LIST
  }

  /** One column: its heading, the JSON path it fills, what it holds and an example. */
  public record Column(
      String heading, String path, Kind kind, String explanation, String example) {}

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

  public static final List<Column> ALL =
      List.of(
          new Column("项目名称", "title", Kind.TEXT, "必填，最多 200 字", "年产110万件玩具项目"),
          new Column("项目简介", "description", Kind.TEXT, "必填，最多 4000 字", "新建玩具生产线两条"),
          new Column("企业名称", "enterprise.name", Kind.TEXT, "必填，最多 100 字", "山西德儒教育装备有限公司"),
          new Column(
              "统一社会信用代码", "enterprise.creditCode", Kind.TEXT, "必填，18 位", "91140428MA0JX12346"),
          new Column("企业规模", "enterprise.size", Kind.TEXT, "MICRO、SMALL、MEDIUM 或 LARGE", "MEDIUM"),
          new Column(
              "行业",
              "industry",
              Kind.TEXT,
              "行业代码，例如 INDUSTRY_AND_SOFTWARE",
              "INDUSTRY_AND_SOFTWARE"),
          new Column("资金用途", "purpose", Kind.TEXT, "用途代码，例如 FIXED_ASSETS", "FIXED_ASSETS"),
          new Column("总投资（元）", "totalInvestment", Kind.TEXT, "金额，最多两位小数", "200000000.00"),
          new Column("申请金额（元）", "amountRequested", Kind.TEXT, "必填，金额，最多两位小数", "70000000.00"),
          new Column("期限（月）", "termMonths", Kind.INTEGER, "必填，1 到 360 的整数", "36"),
          new Column("担保方式", "collateral", Kind.LIST, "必填，担保代码，多个用；分隔", "REAL_ESTATE；EQUIPMENT"),
          new Column("标签", "tags", Kind.LIST, "可空，最多 4 个，多个用；分隔", "KEY_PROJECT"),
          new Column("联系人", "contact.name", Kind.TEXT, "必填，最多 100 字", "王宇"),
          new Column("联系电话", "contact.phone", Kind.TEXT, "手机号或带区号的固定电话", "13800000000"));

  private DemandColumns() {}

  public static List<String> headings() {
    return ALL.stream().map(Column::heading).toList();
  }

  /**
   * The request body a row states. A blank cell is an absent member, so that a required one is
   * refused as missing; a cell that is not an integer where one is due stays text, so that the
   * strict parser refuses it naming its field.
   */
  public static ObjectNode body(List<String> cells) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < ALL.size() && i < cells.size(); i++) {
      String cell = cells.get(i) == null ? "" : cells.get(i).strip();
      if (cell.isEmpty()) {
        continue;
      }
      Column column = ALL.get(i);
      String[] path = column.path().split("\\.");
      ObjectNode parent = body;
      for (int p = 0; p < path.length - 1; p++) {
        parent =
            parent.get(path[p]) instanceof ObjectNode nested ? nested : parent.putObject(path[p]);
      }
      String name = path[path.length - 1];
      switch (column.kind()) {
        case TEXT -> parent.put(name, cell);
        case INTEGER -> {
          if (INTEGER.matcher(cell).matches()) {
            parent.put(name, Integer.parseInt(cell));
          } else {
            parent.put(name, cell);
          }
        }
        case LIST -> {
          ArrayNode list = parent.putArray(name);
          Arrays.stream(LIST_SEPARATOR.split(cell))
              .map(String::strip)
              .filter(item -> !item.isEmpty())
              .forEach(list::add);
        }
      }
    }
    return body;
  }

  /** The heading of the column a JSON path of the request falls in, or the path itself. */
  public static String headingOf(String path) {
    return ALL.stream()
        .filter(column -> path.equals(column.path()) || path.startsWith(column.path() + "["))
        .findFirst()
        .map(Column::heading)
        .orElse(path);
  }
}
