package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductApiTest extends CreditApiTest {

  @Test
  void aBankPublishesAProductThatIsAnnouncedAndReadableByEveryone() {
    String bank = newBank("CITY_BRANCH");

    JsonNode created =
        body(
            post(TestTokens.bank(bank), "/api/v1/products", product())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value(
                    "Location", location -> assertThat(location).startsWith("/api/v1/products/")));

    String id = created.get("productId").asString();
    assertThat(created.get("bankCode").asString()).isEqualTo(bank);
    assertThat(created.get("bankLevel").asString()).isEqualTo("CITY_BRANCH");
    assertThat(created.get("name").asString()).isEqualTo("碳配额质押贷款");
    assertThat(created.get("minAmount").asString()).isEqualTo("1000000.00");
    assertThat(created.get("minAnnualRate").asString()).isEqualTo("3.20");
    assertThat(created.get("remainingBudget").asString()).isEqualTo("500000000.00");
    assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(created.get("version").asInt()).isEqualTo(1);

    for (String token :
        List.of(
            TestTokens.county(ZHANGZI), TestTokens.operator(CHANGZHI), TestTokens.bank("other"))) {
      assertThat(get(token, "/api/v1/products/" + id).get("name").asString()).isEqualTo("碳配额质押贷款");
    }

    EventEnvelope published = events("huoshui.products", id, found -> !found.isEmpty()).get(0);
    assertThat(published.type()).isEqualTo("io.huoshui.credit.ProductPublished.v1");
    assertThat(published.data().get("budget").asString()).isEqualTo("500000000.00");
    Contracts.assertConforms(published);
  }

  @Test
  void aRetriedCreationWithTheSameIdempotencyKeyCreatesOneProduct() {
    String bank = newBank("CITY_BRANCH");
    String key = UUID.randomUUID().toString();

    JsonNode first =
        body(
            postWithKey(TestTokens.bank(bank), "/api/v1/products", key, product())
                .expectStatus()
                .isCreated());
    JsonNode again =
        body(
            postWithKey(TestTokens.bank(bank), "/api/v1/products", key, product())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true"));

    assertThat(again.get("productId")).isEqualTo(first.get("productId"));
    assertThat(
            get(TestTokens.bank(bank), "/api/v1/products?bank=" + bank).get("totalItems").asInt())
        .isEqualTo(1);
    assertProblem(
        postWithKey(TestTokens.bank(bank), "/api/v1/products", key, product("name", "另一个产品")),
        422,
        "IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void everyRuleOfAProductIsCheckedAndNamesItsField() {
    String bank = newBank("CITY_BRANCH");
    String token = TestTokens.bank(bank);
    String products = "/api/v1/products";

    assertInvalid(post(token, products, product("minAmount", "60000000.00")), "minAmount");
    assertInvalid(post(token, products, product("minTermMonths", 72)), "minTermMonths");
    assertInvalid(post(token, products, product("minAnnualRate", "5.00")), "minAnnualRate");
    assertInvalid(post(token, products, product("maxAnnualRate", "36.5")), "maxAnnualRate");
    assertInvalid(post(token, products, product("minAnnualRate", "3.1234")), "minAnnualRate");
    assertInvalid(post(token, products, product("minAmount", "1000.005")), "minAmount");
    assertInvalid(post(token, products, product("regions", List.of("14042"))), "regions[0]");
    assertInvalid(post(token, products, product("regions", List.of())), "regions");
    assertInvalid(post(token, products, product("collateral", List.of("NONE"))), "collateral");
    assertInvalid(post(token, products, product("validFrom", "2028-01-01")), "validFrom");
    assertInvalid(post(token, products, product("category", "MORTGAGE")), "category");
    assertInvalid(post(token, products, product("budget", "-1.00")), "budget");
    assertInvalid(post(token, products, product("amountMax", "1.00")), "amountMax");

    assertThat(get(token, "/api/v1/products?bank=" + bank).get("totalItems").asInt()).isZero();
  }

  @Test
  void aProductStatesItsOwnStageClocksWhichItsEventsCarryAndLeftOutTheyAreAbsent() {
    String bank = newBank("COUNTY_BRANCH");
    String token = TestTokens.bank(bank);
    String products = "/api/v1/products";

    JsonNode own = publish(bank, product("decisionWorkingDays", 5, "disbursementWorkingDays", 60));
    String id = own.get("productId").asString();
    assertThat(own.get("decisionWorkingDays").asInt()).isEqualTo(5);
    assertThat(own.get("disbursementWorkingDays").asInt()).isEqualTo(60);

    JsonNode updated =
        body(
            http.put()
                .uri(products + "/" + id)
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(product("decisionWorkingDays", 1))
                .exchange()
                .expectStatus()
                .isOk());
    assertThat(updated.get("decisionWorkingDays").asInt()).isEqualTo(1);
    assertThat(updated.has("disbursementWorkingDays")).isFalse();
    assertThat(publish(bank, product()).has("decisionWorkingDays")).isFalse();

    List<EventEnvelope> announced = events("huoshui.products", id, found -> found.size() >= 2);
    assertThat(announced.get(0).data().get("disbursementWorkingDays").asInt()).isEqualTo(60);
    assertThat(announced.get(1).data().get("decisionWorkingDays").asInt()).isEqualTo(1);
    assertThat(announced.get(1).data().has("disbursementWorkingDays")).isFalse();
    announced.forEach(Contracts::assertConforms);

    for (Object outside : List.of(0, 61, -1)) {
      assertInvalid(
          post(token, products, product("decisionWorkingDays", outside)), "decisionWorkingDays");
      assertInvalid(
          post(token, products, product("disbursementWorkingDays", outside)),
          "disbursementWorkingDays");
    }
    assertInvalid(
        post(token, products, product("decisionWorkingDays", "5")), "decisionWorkingDays");
    assertInvalid(
        post(token, products, product("decisionWorkingDays", 5.5)), "decisionWorkingDays");
    assertThat(get(token, products + "?bank=" + bank).get("totalItems").asInt()).isEqualTo(2);
  }

  @Test
  void aCreditLoanWithoutCollateralAndWithoutBudgetOrEndIsAProduct() {
    String bank = newBank("PROVINCIAL");
    Map<String, Object> creditLoan =
        product("name", "创信保", "category", "INCLUSIVE", "collateral", List.of(), "budget", null);
    creditLoan.remove("validTo");

    JsonNode created = publish(bank, creditLoan);

    assertThat(created.get("collateral").isEmpty()).isTrue();
    assertThat(created.get("budget").isNull()).isTrue();
    assertThat(created.get("remainingBudget").isNull()).isTrue();
    assertThat(created.get("validTo").isNull()).isTrue();
  }

  @Test
  void onlyABankManagesProducts() {
    assertProblem(post(TestTokens.county(ZHANGZI), "/api/v1/products", product()), 403, null);
    assertProblem(post(TestTokens.operator(CHANGZHI), "/api/v1/products", product()), 403, null);
    assertProblem(
        post(TestTokens.bank("never-registered"), "/api/v1/products", product()),
        409,
        "BANK_NOT_REGISTERED");
  }

  @Test
  void aBankUpdatesAndRetiresItsOwnProductAndEachChangeIsAnnounced() {
    String bank = newBank("CITY_BRANCH");
    String id = publish(bank, product()).get("productId").asString();

    JsonNode updated =
        body(
            http.put()
                .uri("/api/v1/products/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
                .bodyValue(product("maxAnnualRate", "4.875", "regions", List.of("14")))
                .exchange()
                .expectStatus()
                .isOk());
    assertThat(updated.get("maxAnnualRate").asString()).isEqualTo("4.875");
    assertThat(updated.get("version").asInt()).isEqualTo(2);

    JsonNode retired =
        body(
            post(TestTokens.bank(bank), "/api/v1/products/" + id + "/retire", Map.of())
                .expectStatus()
                .isOk());
    assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
    assertThat(retired.get("version").asInt()).isEqualTo(3);

    assertProblem(
        post(TestTokens.bank(bank), "/api/v1/products/" + id + "/retire", Map.of()),
        409,
        "PRODUCT_RETIRED");
    assertProblem(
        http.put()
            .uri("/api/v1/products/" + id)
            .headers(h -> h.setBearerAuth(TestTokens.bank(bank)))
            .bodyValue(product())
            .exchange(),
        409,
        "PRODUCT_RETIRED");

    List<EventEnvelope> announced = events("huoshui.products", id, found -> found.size() >= 3);
    assertThat(announced)
        .extracting(EventEnvelope::type)
        .containsExactly(
            "io.huoshui.credit.ProductPublished.v1",
            "io.huoshui.credit.ProductUpdated.v1",
            "io.huoshui.credit.ProductRetired.v1");
    Contracts.assertConforms(announced.get(1));
    Contracts.assertConforms(announced.get(2));
    assertThat(announced.get(2).data().get("status").asString()).isEqualTo("RETIRED");
  }

  @Test
  void anotherBankCannotChangeOrRetireAProductItDoesNotOwn() {
    String owner = newBank("CITY_BRANCH");
    String other = newBank("CITY_BRANCH");
    String id = publish(owner, product()).get("productId").asString();

    assertProblem(
        http.put()
            .uri("/api/v1/products/" + id)
            .headers(h -> h.setBearerAuth(TestTokens.bank(other)))
            .bodyValue(product("name", "抢来的产品"))
            .exchange(),
        404,
        null);
    assertProblem(
        post(TestTokens.bank(other), "/api/v1/products/" + id + "/retire", Map.of()), 404, null);

    JsonNode unchanged = get(TestTokens.bank(owner), "/api/v1/products/" + id);
    assertThat(unchanged.get("name").asString()).isEqualTo("碳配额质押贷款");
    assertThat(unchanged.get("status").asString()).isEqualTo("ACTIVE");
  }

  @Test
  void aCountySeesTheProductsServingItThroughTheCodeHierarchy() {
    String bank = newBank("COUNTY_BRANCH");
    String city = publish(bank, product("regions", List.of("1404"))).get("productId").asString();
    String province = publish(bank, product("regions", List.of("14"))).get("productId").asString();
    String county = publish(bank, product("regions", List.of(ZHANGZI))).get("productId").asString();
    String neighbour =
        publish(bank, product("regions", List.of("140423"))).get("productId").asString();
    String shaanxi = publish(bank, product("regions", List.of("6110"))).get("productId").asString();

    assertThat(ids("/api/v1/products?size=100&bank=" + bank + "&region=" + ZHANGZI))
        .containsExactlyInAnyOrder(city, province, county);
    assertThat(ids("/api/v1/products?size=100&bank=" + bank + "&region=1404"))
        .containsExactlyInAnyOrder(city, province, county, neighbour);
    assertThat(ids("/api/v1/products?size=100&bank=" + bank + "&region=611021"))
        .containsExactly(shaanxi);
    assertInvalid(
        http.get()
            .uri("/api/v1/products?region=14x")
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .exchange(),
        "region");
  }

  @Test
  void theCatalogIsFilteredByIndustryCategoryAmountAndTagAndPaged() {
    String bank = newBank("PROVINCIAL");
    String green = publish(bank, product()).get("productId").asString();
    String inclusive =
        publish(
                bank,
                product(
                    "name", "兴优贷",
                    "category", "INCLUSIVE",
                    "industries", List.of("AGRICULTURE", "TRADE_AND_HOSPITALITY"),
                    "minAmount", "100000.00",
                    "maxAmount", "3000000.00",
                    "tags", List.of("INCLUSIVE", "FIRST_LOAN")))
            .get("productId")
            .asString();
    String mine = "/api/v1/products?bank=" + bank;

    assertThat(ids(mine + "&industry=AGRICULTURE")).containsExactly(inclusive);
    assertThat(ids(mine + "&category=GREEN")).containsExactly(green);
    assertThat(ids(mine + "&amount=2000000.00")).containsExactlyInAnyOrder(green, inclusive);
    assertThat(ids(mine + "&amount=20000000")).containsExactly(green);
    assertThat(ids(mine + "&tag=FIRST_LOAN")).containsExactly(inclusive);

    JsonNode firstPage = get(TestTokens.county(ZHANGZI), mine + "&size=1&page=0");
    assertThat(firstPage.get("totalItems").asInt()).isEqualTo(2);
    assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
    assertThat(firstPage.get("items")).hasSize(1);
    assertInvalid(
        http.get()
            .uri(mine + "&industry=MINING")
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .exchange(),
        "industry");
    assertInvalid(
        http.get()
            .uri(mine + "&size=101")
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .exchange(),
        "size");
  }

  @Test
  void aRetiredProductLeavesTheActiveCatalogButStaysReadable() {
    String bank = newBank("CITY_BRANCH");
    String id = publish(bank, product()).get("productId").asString();
    post(TestTokens.bank(bank), "/api/v1/products/" + id + "/retire", Map.of())
        .expectStatus()
        .isOk();

    assertThat(ids("/api/v1/products?bank=" + bank)).isEmpty();
    assertThat(ids("/api/v1/products?status=RETIRED&bank=" + bank)).containsExactly(id);
  }

  private List<String> ids(String uri) {
    List<String> ids = new ArrayList<>();
    get(TestTokens.county(ZHANGZI), uri)
        .get("items")
        .forEach(p -> ids.add(p.get("productId").asString()));
    return ids;
  }
}
