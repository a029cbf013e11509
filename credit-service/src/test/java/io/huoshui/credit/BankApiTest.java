package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BankApiTest extends CreditApiTest {

  @Test
  void anOperatorRegistersABankOnceUnderItsCode() {
    String operator = TestTokens.operator(CHANGZHI);
    Map<String, Object> bank =
        Map.of("code", "tunliu-rcb", "name", "屯留农商银行", "level", "COUNTY_BRANCH");

    JsonNode registered =
        body(
            post(operator, "/api/v1/banks", bank)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/v1/banks/tunliu-rcb"));
    assertThat(registered.get("name").asString()).isEqualTo("屯留农商银行");

    assertProblem(
        post(
            operator,
            "/api/v1/banks",
            Map.of("code", "tunliu-rcb", "name", "另一家", "level", "NATIONAL")),
        409,
        "BANK_EXISTS");
    assertThat(
            get(TestTokens.bank("tunliu-rcb"), "/api/v1/banks/tunliu-rcb").get("level").asString())
        .isEqualTo("COUNTY_BRANCH");
    JsonNode page = get(TestTokens.county(ZHANGZI), "/api/v1/banks?size=1");
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("totalItems").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyAnOperatorRegistersBanksAndEachFieldIsChecked() {
    Map<String, Object> bank =
        Map.of("code", "lucheng-rcb", "name", "潞城农商银行", "level", "COUNTY_BRANCH");
    assertProblem(post(TestTokens.county(ZHANGZI), "/api/v1/banks", bank), 403, null);
    assertProblem(post(TestTokens.bank("lucheng-rcb"), "/api/v1/banks", bank), 403, null);

    String operator = TestTokens.operator(CHANGZHI);
    assertInvalid(
        post(
            operator,
            "/api/v1/banks",
            Map.of("code", "Lucheng RCB", "name", "潞城农商银行", "level", "COUNTY_BRANCH")),
        "code");
    assertInvalid(
        post(
            operator,
            "/api/v1/banks",
            Map.of("code", "lucheng-rcb", "name", "潞城农商银行", "level", "VILLAGE")),
        "level");
    assertInvalid(
        post(operator, "/api/v1/banks", Map.of("code", "lucheng-rcb", "level", "COUNTY_BRANCH")),
        "name");
    assertProblem(
        http.get()
            .uri("/api/v1/banks/lucheng-rcb")
            .headers(h -> h.setBearerAuth(operator))
            .exchange(),
        404,
        null);
  }
}
