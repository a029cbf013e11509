package io.huoshui.bankkit.conformance;

import io.huoshui.vocabulary.CreditCodes;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A demand of the county that fits one of the bank's products in its catalog: the largest amount
 * and a term of three years where the product allows, its first industry, a small enterprise where
 * it serves one, its collateral and tags. The enterprise has a valid unified social credit code.
 */
final class TestDemand {

  private TestDemand() {}

  static Map<String, Object> fitting(JsonNode product, String county, String title, int serial) {
    int term =
        Math.max(
            product.path("minTermMonths").asInt(),
            Math.min(36, product.path("maxTermMonths").asInt()));
    List<String> sizes = strings(product.path("enterpriseSizes"));
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("title", title);
    demand.put("description", "活水银行接入一致性检查的测试需求：" + title);
    demand.put(
        "enterprise",
        Map.of(
            "name",
            title + "有限公司",
            "creditCode",
            creditCode(county, serial),
            "size",
            sizes.contains("SMALL") ? "SMALL" : sizes.get(0)));
    demand.put("industry", strings(product.path("industries")).get(0));
    demand.put("purpose", "WORKING_CAPITAL");
    demand.put("totalInvestment", null);
    demand.put(
        "amountRequested",
        new BigDecimal(product.path("maxAmount").asString()).setScale(2).toPlainString());
    demand.put("termMonths", term);
    List<String> collateral = strings(product.path("collateral"));
    // A product that asks for no collateral is a credit loan: the demand says so explicitly.
    demand.put("collateral", collateral.isEmpty() ? List.of("NONE") : collateral);
    demand.put("tags", strings(product.path("tags")));
    demand.put("contact", Map.of("name", "检查员", "phone", "13800000000"));
    return demand;
  }

  /**
   * An enterprise of the county; "BK" keeps the check's enterprises apart from the counties' own.
   */
  static String creditCode(String county, int serial) {
    return CreditCodes.enterprise(county, "BK%07d".formatted(serial % 10_000_000));
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
