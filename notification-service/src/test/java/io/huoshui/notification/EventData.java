package io.huoshui.notification;

import io.huoshui.servicetest.Contracts;
import io.huoshui.vocabulary.EventTypes;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payloads as the producing services write them: their own examples (the schemas' examples of their
 * modules), played for the tests' demands, matches and banks.
 */
public final class EventData {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EventData() {}

  public static Map<String, Object> demand(UUID project, String county, String title) {
    return map(
        example(EventTypes.PROJECT_SUBMITTED, "toy-plant", project)
            .put("county", county)
            .put("title", title));
  }

  public static Map<String, Object> proposed(
      UUID match, UUID project, String county, String bank, UUID product, LocalDate deadline) {
    ObjectNode data =
        example(EventTypes.MATCH_PROPOSED, "province-bank", project)
            .put("matchId", match.toString())
            .put("county", county)
            .put("bankCode", bank)
            .put("productId", product.toString())
            .put("productName", "取水证质押贷款")
            .put("deadline", deadline.toString());
    ((ObjectNode) data.get("demand")).put("county", county);
    return map(data);
  }

  /** The bank's answer of that kind (INTEREST, APPROVAL, DISBURSEMENT), for that amount. */
  public static Map<String, Object> response(
      UUID match, UUID project, String county, String bank, String answer, String amount) {
    ObjectNode data =
        example(EventTypes.BANK_RESPONDED, answer.toLowerCase(Locale.ROOT), project)
            .put("responseId", UUID.randomUUID().toString())
            .put("matchId", match.toString())
            .put("county", county)
            .put("bankCode", bank)
            .put("productId", UUID.randomUUID().toString())
            .put("amount", amount);
    data.set(
        "totals",
        JSON.createObjectNode()
            .put("intended", "80000000.00")
            .put("approved", "70000000.00")
            .put("disbursed", amount));
    return map(data);
  }

  public static Map<String, Object> decline(UUID project, String county, String bank) {
    return map(
        example(EventTypes.BANK_RESPONDED, "decline", project)
            .put("responseId", UUID.randomUUID().toString())
            .put("matchId", UUID.randomUUID().toString())
            .put("county", county)
            .put("bankCode", bank)
            .put("productId", UUID.randomUUID().toString()));
  }

  public static Map<String, Object> escalated(
      UUID match, UUID project, String county, String bank, String colour) {
    return map(
        example(EventTypes.MATCH_ESCALATED, "yellow", project)
            .put("matchId", match.toString())
            .put("county", county)
            .put("bankCode", bank)
            .put("productId", UUID.randomUUID().toString())
            .put("colour", colour)
            .put("deadline", "2026-12-02"));
  }

  /**
   * Matching's RED at the credit decision: {@code red-decision} for every office above the county,
   * {@code red-to-city} raised to the city's office.
   */
  public static Map<String, Object> redAtDecision(
      String example, UUID match, UUID project, String county, String bank) {
    return map(
        example(EventTypes.MATCH_ESCALATED, example, project)
            .put("matchId", match.toString())
            .put("county", county)
            .put("bankCode", bank));
  }

  /**
   * Matching's example of a financial office's action (closed, pushed) on the test's demand, match
   * and bank.
   */
  public static Map<String, Object> acted(
      String example, UUID project, String county, UUID match, String bank) {
    return map(
        example(EventTypes.SUPERVISION_ACTED, example, project)
            .put("actionId", UUID.randomUUID().toString())
            .put("county", county)
            .put("matchId", match.toString())
            .put("bankCode", bank));
  }

  /**
   * The match released with that cause (DECLINED, RED, WITHDRAWN, SUPERSEDED, FINANCED, CLOSED).
   */
  public static Map<String, Object> released(
      UUID match, UUID project, String county, String bank, String cause) {
    return map(
        example(EventTypes.MATCH_RELEASED, "declined", project)
            .put("matchId", match.toString())
            .put("county", county)
            .put("bankCode", bank)
            .put("cause", cause));
  }

  /** Matching's example: one bank declined for want of collateral, another went RED. */
  public static Map<String, Object> exhausted(UUID project, String county) {
    return map(example(EventTypes.DEMAND_EXHAUSTED, "all-declined", project).put("county", county));
  }

  public static Map<String, Object> withdrawn(UUID project, String county) {
    return map(
        example(EventTypes.PROJECT_WITHDRAWN, "financed-elsewhere", project).put("county", county));
  }

  public static Map<String, Object> noMatch(UUID project, String county) {
    return map(example(EventTypes.NO_MATCH, "nothing-fits", project).put("county", county));
  }

  /** The county's weekly digest, of one product new at the bank. */
  public static Map<String, Object> digest(String county, UUID product, String bank) {
    ObjectNode data =
        (ObjectNode)
            Contracts.example(EventTypes.CATALOG_DIGEST, "weekly")
                .about(county)
                .envelope()
                .data()
                .deepCopy();
    ((ObjectNode) data.get("products").get(0))
        .put("productId", product.toString())
        .put("bankCode", bank)
        .put("name", "取水证质押贷款")
        .put("change", "NEW");
    return map(data);
  }

  private static ObjectNode example(String type, String name, UUID project) {
    return (ObjectNode)
        Contracts.example(type, name).about(project.toString()).envelope().data().deepCopy();
  }

  private static Map<String, Object> map(ObjectNode data) {
    return JSON.convertValue(data, new TypeReference<Map<String, Object>>() {});
  }
}
