package io.huoshui.system;

import io.huoshui.vocabulary.CreditCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Demand bodies as a county portal sends them, each enterprise with a valid credit code. */
final class Demands {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  private Demands() {}

  /** An enterprise registered in the county, each one of this run told apart by a serial. */
  static String creditCode(String county) {
    return CreditCodes.enterprise(
        county, "MA%07d".formatted(SERIAL.incrementAndGet() % 10_000_000));
  }

  /** A green project of a small industrial firm: the kind a carbon-quota pledge loan serves. */
  static Map<String, Object> green(String county, String title, String amount) {
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("title", title);
    demand.put("description", "节能改造与碳减排生产线，" + title);
    demand.put(
        "enterprise",
        Map.of("name", title + "有限公司", "creditCode", creditCode(county), "size", "SMALL"));
    demand.put("industry", "INDUSTRY_AND_SOFTWARE");
    demand.put("purpose", "GREEN_TRANSITION");
    demand.put("totalInvestment", "60000000.00");
    demand.put("amountRequested", amount);
    demand.put("termMonths", 36);
    demand.put("collateral", List.of("CARBON_QUOTA", "EQUIPMENT", "REAL_ESTATE"));
    demand.put("tags", List.of("GREEN"));
    demand.put("contact", Map.of("name", "王宇", "phone", "13800000000"));
    return demand;
  }
}
