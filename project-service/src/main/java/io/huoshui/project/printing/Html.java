package io.huoshui.project.printing;

import io.huoshui.vocabulary.Language;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The pieces of the service's printable pages: one self-contained page each, no script, no external
 * style or font, amounts in 万元 as the meetings read them, in Chinese unless English is asked for.
 */
public final class Html {

  private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

  private Html() {}

  /** The page's head with its style, up to the opened body. */
  public static String head(Language language, String title) {
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8">
        <title>%s</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%%;font-size:.85em}
        th,td{border:1px solid #bbb;padding:.25em .5em;text-align:right}
        th:first-child,td:first-child,td.text{text-align:left}
        .note{color:#555;font-size:.85em}
        .YELLOW{background:#fefcbf}.RED{background:#fed7d7}
        @media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}}
        </style></head><body>
        """
        .formatted(language.pick("zh-CN", "en"), escape(title));
  }

  /** A table opened with its headings' row. */
  public static String headings(List<String> columns) {
    StringBuilder row = new StringBuilder("<table><tr>");
    columns.forEach(column -> row.append("<th>").append(escape(column)).append("</th>"));
    return row.append("</tr>").toString();
  }

  /** Amounts as the meetings read them, in 万元 with two decimals. */
  public static String wan(BigDecimal amount) {
    return amount == null
        ? "–"
        : amount.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).toPlainString();
  }

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
