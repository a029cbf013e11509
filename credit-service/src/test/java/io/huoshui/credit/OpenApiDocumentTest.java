package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written OpenAPI document is served as committed, and its examples are real requests:
 * each one is sent here and accepted.
 */
class OpenApiDocumentTest extends CreditApiTest {

  private static final String DOCUMENT = "/static/openapi/credit-service.yaml";

  @Test
  void theDocumentIsServedWithoutATokenExactlyAsCommitted() throws IOException {
    String served =
        http.get()
            .uri("/openapi/credit-service.yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(served).isEqualTo(committed());
    assertThat(document().get("openapi")).asString().startsWith("3.1");
  }

  @Test
  void everyRequestExampleIsARequestTheServiceAccepts() throws IOException {
    Map<String, Object> paths = map(document(), "paths");
    String bank = (String) example(paths, "/api/v1/banks", "post", "xiangyuanRcb").get("code");
    provisionBankTopic(bank);

    post(
            TestTokens.operator(CHANGZHI),
            "/api/v1/banks",
            example(paths, "/api/v1/banks", "post", "xiangyuanRcb"))
        .expectStatus()
        .isCreated();
    JsonNode product = null;
    for (String name : List.of("carbonQuotaPledge", "creditLoan")) {
      product = publish(bank, example(paths, "/api/v1/products", "post", name));
    }
    String answers = "/api/v1/matches/{matchId}/responses";
    UUID approved = pushMatch(bank, product.get("productId").asString(), "100000000.00");
    for (String name : List.of("interest", "approval", "disbursement")) {
      answer(bank, approved, example(paths, answers, "post", name)).expectStatus().isCreated();
    }
    UUID declined = pushMatch(bank, product.get("productId").asString(), "100000000.00");
    answer(bank, declined, example(paths, answers, "post", "decline")).expectStatus().isCreated();

    JsonNode match = get(TestTokens.bank(bank), "/api/v1/matches/" + approved).get("match");
    assertThat(match.get("status").asString()).isEqualTo("DISBURSED");

    for (String name : List.of("firstLoanSubsidy", "guaranteeFund", "riskPool")) {
      post(
              TestTokens.operator("14"),
              "/api/v1/instruments",
              example(paths, "/api/v1/instruments", "post", name))
          .expectStatus()
          .isCreated();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> example(
      Map<String, Object> paths, String path, String method, String name) {
    Map<String, Object> operation = map(map(paths, path), method);
    Map<String, Object> examples =
        map(map(map(map(operation, "requestBody"), "content"), "application/json"), "examples");
    return (Map<String, Object>) map(examples, name).get("value");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    assertThat(child).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) child;
  }

  private static Map<String, Object> document() throws IOException {
    return new Yaml().load(committed());
  }

  private static String committed() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
