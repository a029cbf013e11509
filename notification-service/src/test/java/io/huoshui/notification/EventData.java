package io.huoshui.notification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payloads as the producing services write them (docs/events.md), with the demo data's names. */
public final class EventData {

  private EventData() {}

  public static Map<String, Object> demand(UUID project, String county, String title) {
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("projectId", project.toString());
    demand.put("county", county);
    demand.put("title", title);
    demand.put("description", "年产 110 万件玩具");
    demand.put(
        "enterprise",
        Map.of("name", "山西德儒教育装备有限公司", "creditCode", "91140428MA0KXXXX0X", "size", "MEDIUM"));
    demand.put("industry", "INDUSTRY_AND_SOFTWARE");
    demand.put("purpose", "FIXED_ASSETS");
    demand.put("totalInvestment", "200000000.00");
    demand.put("amountRequested", "70000000.00");
    demand.put("termMonths", 36);
    demand.put("collateral", List.of("REAL_ESTATE"));
    demand.put("tags", List.of("KEY_PROJECT"));
    demand.put("contact", Map.of("name", "王经理", "phone", "13800000000"));
    demand.put("submittedAt", "2026-11-25T08:00:00Z");
    demand.put("version", 1);
    return demand;
  }

  public static Map<String, Object> proposed(
      UUID match, UUID project, String county, String bank, UUID product, LocalDate deadline) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("matchId", match.toString());
    data.put("projectId", project.toString());
    data.put("county", county);
    data.put("bankCode", bank);
    data.put("productId", product.toString());
    data.put("productName", "取水证质押贷款");
    data.put("tier", "CITY");
    data.put("rank", 1);
    data.put("score", "87.50");
    data.put(
        "reasons", List.of(Map.of("factor", "AMOUNT", "points", "30", "explanation", "金额在范围内")));
    data.put("deadline", deadline.toString());
    data.put("proposedAt", "2026-11-25T08:00:00Z");
    data.put(
        "demand",
        Map.of(
            "industry",
            "INDUSTRY_AND_SOFTWARE",
            "enterpriseSize",
            "MEDIUM",
            "county",
            county,
            "amountRequested",
            "70000000.00",
            "termMonths",
            36,
            "purpose",
            "FIXED_ASSETS",
            "collateral",
            List.of("REAL_ESTATE"),
            "tags",
            List.of("KEY_PROJECT")));
    return data;
  }

  public static Map<String, Object> response(
      UUID match, UUID project, String county, String bank, String answer, String amount) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("responseId", UUID.randomUUID().toString());
    data.put("matchId", match.toString());
    data.put("projectId", project.toString());
    data.put("county", county);
    data.put("bankCode", bank);
    data.put("productId", UUID.randomUUID().toString());
    data.put("answer", answer);
    data.put("amount", amount);
    if (answer.equals("APPROVAL")) {
      data.put("annualRate", "4.350");
      data.put("termMonths", 36);
    }
    if (answer.equals("DISBURSEMENT")) {
      data.put("disbursedOn", "2026-11-25");
    }
    data.put("respondedAt", "2026-11-25T08:00:00Z");
    data.put(
        "totals",
        Map.of("intended", "80000000.00", "approved", "70000000.00", "disbursed", amount));
    return data;
  }

  public static Map<String, Object> decline(UUID project, String county, String bank) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("responseId", UUID.randomUUID().toString());
    data.put("matchId", UUID.randomUUID().toString());
    data.put("projectId", project.toString());
    data.put("county", county);
    data.put("bankCode", bank);
    data.put("productId", UUID.randomUUID().toString());
    data.put("answer", "DECLINE");
    data.put("declineReason", "INSUFFICIENT_COLLATERAL");
    data.put("note", "");
    data.put("respondedAt", "2026-11-25T08:00:00Z");
    data.put("totals", Map.of("intended", "0.00", "approved", "0.00", "disbursed", "0.00"));
    return data;
  }

  public static Map<String, Object> escalated(
      UUID match, UUID project, String county, String bank, String colour) {
    return Map.of(
        "matchId",
        match.toString(),
        "projectId",
        project.toString(),
        "county",
        county,
        "bankCode",
        bank,
        "productId",
        UUID.randomUUID().toString(),
        "colour",
        colour,
        "deadline",
        "2026-12-02",
        "escalatedAt",
        "2026-11-25T08:00:00Z");
  }
}
