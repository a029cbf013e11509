package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 长子县's industry-education park asks 190 M CNY, more than any one bank's product lends: the network
 * shares it among a lead bank and participants, the lead invites one more, and the banks' approvals
 * fill it to the cent and no further.
 */
@Order(6)
class SyndicateTest {

  private static final Duration OUTCOME = Duration.ofMinutes(2);
  private static final String COUNTY = "140428";
  private static final String AMOUNT = "190000000.00";
  private static final String LEAD = "jinshang-bank";
  private static final String INVITED = "cib-changzhi";

  private static final Api county = Api.as("county-" + COUNTY);

  /** The products of the syndicate, by bank: only they lend on receivables to builders here. */
  private static final Map<String, String> products = new HashMap<>();

  @BeforeAll
  static void banksPublishTheirConstructionLoans() {
    SystemNetwork.get();
    products.put(LEAD, publish(LEAD, "银团贷款（产教融合）", "SYNDICATED", "100000000.00"));
    products.put("shanxi-bank", publish("shanxi-bank", "产教融合项目贷", "FIXED_ASSETS", "60000000.00"));
    products.put("zhangzi-rcb", publish("zhangzi-rcb", "园区建设贷", "FIXED_ASSETS", "50000000.00"));
  }

  @Test
  void aDemandNoProductCoversIsSharedAmongBanksAndTheirApprovalsStopAtTheAmountRequested() {
    String projectId = submit();

    JsonNode members = awaitMatches(projectId, 3);
    assertThat(members).hasSize(3);
    Map<String, JsonNode> byBank = byBank(members);
    assertThat(byBank.keySet()).containsExactlyInAnyOrder(LEAD, "shanxi-bank", "zhangzi-rcb");
    assertThat(byBank.get(LEAD).get("syndicate").get("role").asString()).isEqualTo("LEAD");
    assertThat(byBank.get(LEAD).get("syndicate").get("share").asString()).isEqualTo("100000000.00");
    BigDecimal shared = BigDecimal.ZERO;
    for (JsonNode member : members) {
      assertThat(member.get("syndicate").get("leadBankCode").asString()).isEqualTo(LEAD);
      shared = shared.add(new BigDecimal(member.get("syndicate").get("share").asString()));
    }
    assertThat(shared).isEqualByComparingTo(AMOUNT);

    String invitedProduct = publish(INVITED, "银团参贷贷款", "FIXED_ASSETS", "30000000.00");
    Api.Reply invited =
        Api.as("bank-" + LEAD)
            .post(
                "/api/v1/projects/" + projectId + "/syndicate/participants",
                Map.of("productId", invitedProduct, "share", "30000000.00"));
    assertThat(invited.status()).as(invited.raw().body()).isEqualTo(201);
    assertThat(invited.json().get("syndicate").get("role").asString()).isEqualTo("PARTICIPANT");
    Api.Reply notTheLead =
        Api.as("bank-shanxi-bank")
            .post(
                "/api/v1/projects/" + projectId + "/syndicate/participants",
                Map.of("productId", invitedProduct, "share", "30000000.00"));
    assertThat(notTheLead.status()).isEqualTo(409);
    assertThat(notTheLead.json().get("code").asString()).isEqualTo("NOT_THE_SYNDICATE_LEAD");

    byBank = byBank(awaitMatches(projectId, 4));
    for (Map.Entry<String, JsonNode> member : byBank.entrySet()) {
      Answers.answer(
          bank(member.getKey()),
          member.getValue().get("matchId").asString(),
          Map.of(
              "answer",
              "INTEREST",
              "amount",
              member.getValue().get("syndicate").get("share").asString()));
    }
    approve(byBank, LEAD, "100000000.00");
    approve(byBank, "shanxi-bank", "60000000.00");

    Api.Reply overshoot = approval(byBank, "zhangzi-rcb", "50000000.00");
    assertThat(overshoot.status()).as(overshoot.raw().body()).isEqualTo(409);
    assertThat(overshoot.header("Content-Type")).startsWith("application/problem+json");
    assertThat(overshoot.json().get("code").asString())
        .isEqualTo("APPROVALS_ABOVE_AMOUNT_REQUESTED");
    assertThat(overshoot.json().get("detail").asString())
        .contains("160000000.00", AMOUNT, "30000000.00");

    approve(byBank, "zhangzi-rcb", "30000000.00");
    Api.Reply fourth = approval(byBank, INVITED, "30000000.00");
    assertThat(fourth.status()).as(fourth.raw().body()).isEqualTo(409);

    JsonNode syndicate =
        await()
            .atMost(OUTCOME)
            .until(
                () -> county.get("/api/v1/projects/" + projectId + "/matches").json(),
                found -> "FINANCED".equals(found.get("status").asString()));
    Map<String, JsonNode> formed = byBank(syndicate.get("matches"));
    assertThat(formed.get(LEAD).get("approved").asString()).isEqualTo("100000000.00");
    assertThat(formed.get("shanxi-bank").get("approved").asString()).isEqualTo("60000000.00");
    assertThat(formed.get("zhangzi-rcb").get("approved").asString()).isEqualTo("30000000.00");
    JsonNode released =
        await()
            .atMost(OUTCOME)
            .until(
                () ->
                    byBank(
                            county
                                .get("/api/v1/projects/" + projectId + "/matches")
                                .json()
                                .get("matches"))
                        .get(INVITED),
                match -> "FINANCED".equals(Api.text(match, "releaseCause")));
    assertThat(released.get("approved").asString()).isEqualTo("0.00");

    JsonNode project =
        await()
            .atMost(OUTCOME)
            .until(
                () -> county.get("/api/v1/projects/" + projectId).json(),
                found -> AMOUNT.equals(found.get("funnel").get("approved").asString()));
    assertThat(project.get("funnel").get("requested").asString()).isEqualTo(AMOUNT);
    assertThat(county.get("/api/v1/projects/" + projectId + "/timeline").raw().body())
        .contains("银团牵头行，建议份额 100000000.00", "银团参贷行（牵头行 jinshang-bank）");
  }

  private static String submit() {
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("title", "长子县产教融合园区");
    demand.put("description", "产教融合园区一期建设，银团贷款");
    demand.put(
        "enterprise",
        Map.of(
            "name", "长子县产教融合园区建设有限公司", "creditCode", Demands.creditCode(COUNTY), "size", "LARGE"));
    demand.put("industry", "CONSTRUCTION");
    demand.put("purpose", "FIXED_ASSETS");
    demand.put("totalInvestment", "400000000.00");
    demand.put("amountRequested", AMOUNT);
    demand.put("termMonths", 120);
    demand.put("collateral", List.of("RECEIVABLES"));
    demand.put("tags", List.of("KEY_PROJECT", "SYNDICATION"));
    demand.put("contact", Map.of("name", "李明", "phone", "13900000000"));
    Api.Reply submitted = county.post("/api/v1/projects", demand);
    assertThat(submitted.status()).as(submitted.raw().body()).isEqualTo(201);
    return submitted.json().get("id").asString();
  }

  private static String publish(String bankCode, String name, String category, String maxAmount) {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("name", name);
    product.put("category", category);
    product.put("minAmount", "10000000.00");
    product.put("maxAmount", maxAmount);
    product.put("minTermMonths", 60);
    product.put("maxTermMonths", 180);
    product.put("minAnnualRate", "3.600");
    product.put("maxAnnualRate", "4.800");
    product.put("industries", List.of("CONSTRUCTION"));
    product.put("enterpriseSizes", List.of("LARGE"));
    product.put("regions", List.of(COUNTY));
    product.put("collateral", List.of("RECEIVABLES"));
    product.put("tags", List.of("KEY_PROJECT"));
    product.put("validFrom", "2026-01-01");
    product.put("validTo", "2030-12-31");
    Api.Reply published = bank(bankCode).post("/api/v1/products", product);
    assertThat(published.status()).as(published.raw().body()).isEqualTo(201);
    return published.json().get("productId").asString();
  }

  private static JsonNode awaitMatches(String projectId, int count) {
    return await()
        .atMost(OUTCOME)
        .until(
            () -> county.get("/api/v1/projects/" + projectId + "/matches"),
            reply -> reply.ok() && reply.json().get("matches").size() >= count)
        .json()
        .get("matches");
  }

  private static Map<String, JsonNode> byBank(JsonNode matches) {
    Map<String, JsonNode> byBank = new HashMap<>();
    for (JsonNode match : matches) {
      byBank.put(match.get("bankCode").asString(), match);
    }
    return byBank;
  }

  private static void approve(Map<String, JsonNode> members, String bankCode, String amount) {
    Api.Reply approved = approval(members, bankCode, amount);
    assertThat(approved.status()).as(approved.raw().body()).isEqualTo(201);
  }

  private static Api.Reply approval(Map<String, JsonNode> members, String bankCode, String amount) {
    return bank(bankCode)
        .post(
            "/api/v1/matches/" + members.get(bankCode).get("matchId").asString() + "/responses",
            Map.of(
                "answer", "APPROVAL", "amount", amount, "annualRate", "4.200", "termMonths", 120));
  }

  private static Api bank(String bankCode) {
    return Api.as("bank-" + bankCode);
  }
}
