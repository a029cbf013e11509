package io.huoshui.credit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.credit.CreditApiTest;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class CatalogTest extends CreditApiTest {

  @Autowired CatalogDigests digests;

  @Test
  void anOperatorGetsTheCatalogOfItsRegionAndACountyThatOfItsCounty() {
    String bank = newBank("CITY_BRANCH");
    String city = publish(bank, product("regions", List.of(CHANGZHI))).get("productId").asString();
    String county = publish(bank, product("regions", List.of(ZHANGZI))).get("productId").asString();
    String shangluo =
        publish(bank, product("regions", List.of("6110"))).get("productId").asString();

    JsonNode operators = get(TestTokens.operator(CHANGZHI), "/api/v1/catalog?region=1404");
    assertThat(operators.get("region").asString()).isEqualTo(CHANGZHI);
    assertThat(ids(operators)).contains(city, county).doesNotContain(shangluo);
    assertThat(ids(get(TestTokens.county("140423"), "/api/v1/catalog")))
        .contains(city)
        .doesNotContain(county, shangluo);
    assertThat(ids(get(TestTokens.county(ZHANGZI), "/api/v1/catalog?region=" + ZHANGZI)))
        .contains(city, county);

    assertProblem(
        catalogAs(TestTokens.county(ZHANGZI), "/api/v1/catalog?region=140423"), 404, null);
    assertProblem(
        catalogAs(TestTokens.operator(CHANGZHI), "/api/v1/catalog?region=6110"), 404, null);
    assertProblem(catalogAs(TestTokens.bank(bank), "/api/v1/catalog?region=1404"), 403, null);
    assertInvalid(
        catalogAs(TestTokens.operator(CHANGZHI), "/api/v1/catalog?format=xlsx"), "format");
  }

  @Test
  void theCatalogAsCsvOpensInExcelWithItsChineseIntact() {
    String bank = newBank("CITY_BRANCH");
    publish(bank, product("name", "取水证质押贷款, 绿色", "regions", List.of(ZHANGZI)));
    publish(bank, product("name", "=HYPERLINK(\"http://evil\")", "regions", List.of(ZHANGZI)));

    byte[] viaAccept =
        http.get()
            .uri("/api/v1/catalog?region=" + ZHANGZI)
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
            .expectHeader()
            .value("Content-Disposition", value -> assertThat(value).contains("catalog-140428.csv"))
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    byte[] viaFormat =
        http.get()
            .uri("/api/v1/catalog?format=csv")
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();

    assertThat(Arrays.copyOf(viaAccept, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(viaFormat).isEqualTo(viaAccept);
    String text = new String(viaAccept, 3, viaAccept.length - 3, StandardCharsets.UTF_8);
    List<String> lines = List.of(text.split("\r\n"));
    assertThat(lines.get(0)).startsWith("银行,银行代码,银行层级,产品名称");
    assertThat(text)
        .contains("\"取水证质押贷款, 绿色\"")
        .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
        .contains("测试银行" + bank)
        .contains("CARBON_QUOTA;EQUIPMENT");
  }

  @Test
  void eachCountyIsToldWhatChangedInTheCatalogServingItSinceTheLastDigest() {
    digests.run().block();
    String bank = newBank("PROVINCIAL");
    String fresh =
        publish(bank, product("name", "创房保", "regions", List.of(CHANGZHI)))
            .get("productId")
            .asString();
    String changed =
        publish(bank, product("name", "商票保", "regions", List.of("14"))).get("productId").asString();
    String retired =
        publish(bank, product("name", "排污权质押贷款", "regions", List.of(ZHANGZI)))
            .get("productId")
            .asString();
    String elsewhere =
        publish(bank, product("name", "银团贷款", "regions", List.of("6110")))
            .get("productId")
            .asString();
    clock.advance(Duration.ofMinutes(2));
    digests.run().block();
    clock.advance(Duration.ofDays(7));
    http.put()
        .uri("/api/v1/products/" + changed)
        .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
        .bodyValue(product("name", "商票保", "regions", List.of("14"), "maxAnnualRate", "4.20"))
        .exchange()
        .expectStatus()
        .isOk();
    post(TestTokens.bank(bank), "/api/v1/products/" + retired + "/retire", Map.of())
        .expectStatus()
        .isOk();
    String later =
        publish(bank, product("name", "兴优贷", "regions", List.of(ZHANGZI)))
            .get("productId")
            .asString();
    clock.advance(Duration.ofMinutes(2));

    assertThat(digests.run().block()).isPositive();

    EventEnvelope zhangzi = digestWith(ZHANGZI, later);
    Contracts.assertConforms(zhangzi);
    assertThat(changes(zhangzi))
        .containsEntry(later, "NEW")
        .containsEntry(changed, "UPDATED")
        .containsEntry(retired, "RETIRED")
        .doesNotContainKeys(fresh, elsewhere);
    EventEnvelope earlier = digestWith(ZHANGZI, fresh);
    assertThat(changes(earlier)).containsEntry(fresh, "NEW").containsEntry(changed, "NEW");
    assertThat(changes(digestWith("611024", elsewhere))).containsEntry(elsewhere, "NEW");
    assertThat(digests.run().block()).isZero();
  }

  private EventEnvelope digestWith(String county, String productId) {
    List<EventEnvelope> found =
        events(
            "huoshui.catalog",
            county,
            envelopes -> envelopes.stream().anyMatch(e -> changes(e).containsKey(productId)));
    return found.stream().filter(e -> changes(e).containsKey(productId)).findFirst().orElseThrow();
  }

  private static Map<String, String> changes(EventEnvelope digest) {
    Map<String, String> changes = new HashMap<>();
    digest
        .data()
        .get("products")
        .forEach(p -> changes.put(p.get("productId").asString(), p.get("change").asString()));
    return changes;
  }

  private WebTestClient.ResponseSpec catalogAs(String token, String uri) {
    return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
  }

  private static List<String> ids(JsonNode catalog) {
    List<String> ids = new ArrayList<>();
    catalog.get("products").forEach(p -> ids.add(p.get("productId").asString()));
    return ids;
  }
}
