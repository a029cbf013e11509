package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.testsupport.TestTokens;
import io.huoshui.vocabulary.Scopes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The division table names every place of the demo data as shipped, and the network's administrator
 * alone replaces it whole, from a CSV or a JSON list, never with a bad row.
 */
class DivisionsTest extends ProjectServiceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theShippedTableNamesEveryPlaceOfTheDemoDataAndTheProvincesServed() throws IOException {
    Map<String, String> expected =
        Map.of(
            "14", "山西省",
            "1404", "长治市",
            "140428", "长子县",
            "1407", "晋中市",
            "140702", "榆次区",
            "61", "陕西省",
            "6110", "商洛市",
            "611021", "洛南县",
            "50", "重庆市",
            "42", "湖北省");
    expected.forEach((code, name) -> assertThat(nameOf(code)).as(code).isEqualTo(name));

    Set<String> demo = new LinkedHashSet<>();
    try (InputStream file = getClass().getResourceAsStream("/demo/demands.json")) {
      JSON.readTree(file).findValuesAsString("county").forEach(demo::add);
    }
    assertThat(demo).contains("140428", "611024");
    for (String county : demo) {
      assertThat(nameOf(county)).as("the demo county %s", county).isNotNull();
      assertThat(nameOf(county.substring(0, 4))).as("the city of %s", county).isNotNull();
    }

    JsonNode changzhi = get("/api/v1/divisions?within=1404");
    assertThat(changzhi.findValuesAsString("code"))
        .contains("1404", "140428")
        .allMatch(code -> code.startsWith("1404"));
    http.get()
        .uri("/api/v1/divisions?within=14x")
        .headers(h -> h.setBearerAuth(TestTokens.county("140428")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("within");
    http.get()
        .uri("/api/v1/divisions/149999")
        .headers(h -> h.setBearerAuth(TestTokens.county("140428")))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void theAdministratorReplacesTheWholeTableAndABadRowChangesNothing() {
    JsonNode shipped = get("/api/v1/divisions");
    int size = shipped.size();

    StringBuilder csv = new StringBuilder("\uFEFFcode,name\r\n");
    for (JsonNode place : shipped) {
      csv.append(place.get("code").asString()).append(',').append(place.get("name").asString());
      csv.append("\r\n");
    }
    String withBeijing = csv + "11,北京市\r\n110101,\"东城区\"\r\n";

    put(TestTokens.operator("14"), "text/csv", withBeijing).expectStatus().isForbidden();
    put(TestTokens.county("140428"), "text/csv", withBeijing).expectStatus().isForbidden();
    put(admin(), "text/csv", "code,name\r\n14,山西省\r\n14,山西\r\n")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("[1].code");
    put(admin(), "text/csv", "14,山西省\r\n1404\r\n")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("[1]");
    put(admin(), "application/json", List.of(Map.of("code", "14", "name", "山西\u0007省")))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("[0].name");
    put(admin(), "application/json", List.of(Map.of("code", "1404000", "name", "长治")))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("[0].code");
    assertThat(get("/api/v1/divisions")).hasSize(size);
    assertThat(nameOf("11")).isNull();

    put(admin(), "text/csv", withBeijing)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.divisions")
        .isEqualTo(size + 2);
    assertThat(nameOf("110101")).isEqualTo("东城区");
    assertThat(nameOf("140428")).isEqualTo("长子县");

    List<Map<String, String>> original = new ArrayList<>();
    shipped.forEach(
        place ->
            original.add(
                Map.of(
                    "code", place.get("code").asString(), "name", place.get("name").asString())));
    put(admin(), "application/json", original)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.divisions")
        .isEqualTo(size);
    assertThat(nameOf("11")).isNull();
    assertThat(get("/api/v1/divisions")).isEqualTo(shipped);
  }

  private static String admin() {
    List<String> scopes = new ArrayList<>(TestTokens.OPERATOR_SCOPES);
    scopes.add(Scopes.NETWORK_ADMIN);
    return TestTokens.issue("OPERATOR", "14", scopes, Duration.ofMinutes(10));
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(
      String token, String type, Object body) {
    return http.put()
        .uri("/api/v1/divisions")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.parseMediaType(type))
        .bodyValue(body)
        .exchange();
  }

  private String nameOf(String code) {
    byte[] body =
        http.get()
            .uri("/api/v1/divisions/" + code)
            .headers(h -> h.setBearerAuth(TestTokens.bank("jinshang-bank")))
            .exchange()
            .returnResult(byte[].class)
            .getResponseBodyContent();
    JsonNode found = JSON.readTree(body);
    return found.has("name") ? found.get("name").asString() : null;
  }

  private JsonNode get(String uri) {
    return JSON.readTree(read(uri, TestTokens.county("140428"), null, null));
  }
}
