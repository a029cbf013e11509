package io.huoshui.credit.catalog;

import io.huoshui.credit.product.Product;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog as a spreadsheet for the county and city offices: RFC 4180 CSV in UTF-8 with a byte
 * order mark, without which Excel reads the Chinese names in the local code page and garbles them.
 */
final class CatalogCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final List<String> HEADER =
      List.of(
          "银行",
          "银行代码",
          "银行层级",
          "产品名称",
          "产品编号",
          "类别",
          "最低金额(元)",
          "最高金额(元)",
          "最短期限(月)",
          "最长期限(月)",
          "最低年利率(%)",
          "最高年利率(%)",
          "行业",
          "企业规模",
          "服务区域",
          "担保方式",
          "标签",
          "有效期起",
          "有效期止",
          "剩余额度(元)");

  private CatalogCsv() {}

  static byte[] write(List<Product> products) {
    StringBuilder csv = new StringBuilder();
    line(csv, HEADER);
    for (Product p : products) {
      line(
          csv,
          List.of(
              p.bankName(),
              p.bankCode(),
              p.bankLevel().name(),
              p.name(),
              p.productId().toString(),
              p.category().name(),
              plain(p.minAmount()),
              plain(p.maxAmount()),
              String.valueOf(p.minTermMonths()),
              String.valueOf(p.maxTermMonths()),
              plain(p.minAnnualRate()),
              plain(p.maxAnnualRate()),
              joined(p.industries()),
              joined(p.enterpriseSizes()),
              joined(p.regions()),
              p.collateral().isEmpty() ? "信用(无需担保)" : joined(p.collateral()),
              joined(p.tags()),
              p.validFrom().toString(),
              p.validTo() == null ? "" : p.validTo().toString(),
              p.remainingBudget() == null ? "不限" : plain(p.remainingBudget())));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(CatalogCsv::cell).collect(Collectors.joining(",")))
        .append("\r\n");
  }

  /**
   * Quotes what needs quoting, and defuses text a spreadsheet would run as a formula (a product
   * name is a bank's free text).
   */
  private static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static String plain(BigDecimal amount) {
    return amount.toPlainString();
  }

  private static String joined(List<?> values) {
    return values.stream().map(Object::toString).collect(Collectors.joining(";"));
  }
}
