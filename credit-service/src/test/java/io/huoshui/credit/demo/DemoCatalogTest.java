package io.huoshui.credit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.credit.CreditApiTest;
import io.huoshui.credit.product.ProductRequest;
import io.huoshui.eventing.EventEnvelope;
import io.huoshui.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo catalog of {@code demo/catalog.json}, which the tests' context loads as a demo run does
 * ({@code huoshui.demo}).
 */
class DemoCatalogTest extends CreditApiTest {

  @Autowired DemoCatalog demo;

  @Test
  void theBanksOfTheArticlesAreThereWithTheCodesOfTheirClients() {
    String operator = TestTokens.operator(CHANGZHI);
    assertThat(get(operator, "/api/v1/banks/jinshang-bank").get("name").asString())
        .isEqualTo("晋商银行");
    assertThat(get(operator, "/api/v1/banks/shanxi-bank").get("level").asString())
        .isEqualTo("PROVINCIAL");
    assertThat(get(operator, "/api/v1/banks/cib-changzhi").get("name").asString())
        .isEqualTo("兴业银行长治分行");
    assertThat(get(operator, "/api/v1/banks/changan-shangluo").get("level").asString())
        .isEqualTo("CITY_BRANCH");
    assertThat(get(operator, "/api/v1/banks/zhangzi-rcb").get("level").asString())
        .isEqualTo("COUNTY_BRANCH");
  }

  @Test
  void theProductsOfTheArticlesArePublishedAndAnnounced() {
    assertThat(names("cib-changzhi"))
        .containsExactlyInAnyOrder(
            "取水证质押贷款", "碳配额质押贷款", "排污权质押贷款", "兴优贷", "商票保", "创房保", "创信保", "银团贷款");
    assertThat(categories("jinshang-bank")).contains("SYNDICATED", "ACQUISITION");
    assertThat(categories("shanxi-bank")).contains("EQUITY_PLEDGE");
    JsonNode zhangzi = get(TestTokens.county("140428"), "/api/v1/catalog");
    assertThat(zhangzi.get("products").toString()).contains("食用菌产业贷", "兴优贷", "银团贷款");
    assertThat(get(TestTokens.county("611021"), "/api/v1/catalog").get("products").toString())
        .contains("普惠小微贷")
        .doesNotContain("兴优贷");

    JsonNode creditLoan =
        get(TestTokens.bank("cib-changzhi"), "/api/v1/products?bank=cib-changzhi&size=100");
    String id = null;
    for (JsonNode product : creditLoan.get("items")) {
      if (product.get("name").asString().equals("创信保")) {
        assertThat(product.get("collateral").isEmpty()).isTrue();
        id = product.get("productId").asString();
      }
    }
    EventEnvelope published = events("huoshui.products", id, found -> !found.isEmpty()).get(0);
    assertThat(published.type()).isEqualTo("io.huoshui.credit.ProductPublished.v1");
  }

  @Test
  void everyBankAndProductOfTheFileIsInPlaceAsItsBankPublishedIt() {
    DemoCatalog.Catalog catalog = demo.catalog();
    assertThat(catalog.banks()).hasSize(5);
    assertThat(catalog.products()).hasSize(15);
    String operator = TestTokens.operator(CHANGZHI);
    catalog
        .banks()
        .forEach(
            bank -> {
              JsonNode registered = get(operator, "/api/v1/banks/" + bank.code());
              assertThat(registered.get("name").asString()).isEqualTo(bank.name());
              assertThat(registered.get("level").asString()).isEqualTo(bank.level().name());
            });
    for (DemoCatalog.Offer offer : catalog.products()) {
      ProductRequest wanted = offer.product().requireConsistent();
      JsonNode published = product(offer.bankCode(), wanted.name());
      assertThat(published.get("category").asString()).isEqualTo(wanted.category().name());
      assertThat(published.get("maxAmount").asString())
          .isEqualTo(wanted.maxAmount().toPlainString());
      assertThat(published.get("regions").get(0).asString()).isEqualTo(wanted.regions().get(0));
      assertThat(published.get("validTo").asString()).isEqualTo("2027-12-31");
      assertThat(published.hasNonNull("budget")).isEqualTo(wanted.budget() != null);
    }
  }

  @Test
  void thePolicyInstrumentsOfTheArticlesAreIssuedAndServeTheirCounties() {
    assertThat(demo.issued().instruments()).hasSize(3);
    assertThat(instrumentNames(TestTokens.county("140428")))
        .contains("山西省首贷贴息", "长治市政府性融资担保基金", "长子县小微企业贷款风险补偿资金池");
    assertThat(instrumentNames(TestTokens.county("140423")))
        .contains("山西省首贷贴息", "长治市政府性融资担保基金")
        .doesNotContain("长子县小微企业贷款风险补偿资金池");
    assertThat(instrumentNames(TestTokens.county("611021")))
        .doesNotContain("山西省首贷贴息", "长治市政府性融资担保基金", "长子县小微企业贷款风险补偿资金池");

    JsonNode subsidy =
        get(
            TestTokens.bank("jinshang-bank"),
            "/api/v1/instruments?issuer=14&kind=INTEREST_SUBSIDY&tag=FIRST_LOAN&size=100");
    JsonNode shanxi = null;
    for (JsonNode instrument : subsidy.get("items")) {
      if (instrument.get("name").asString().equals("山西省首贷贴息")
          && instrument.get("issuerRegion").asString().equals("14")) {
        shanxi = instrument;
      }
    }
    assertThat(shanxi).isNotNull();
    assertThat(shanxi.get("benefit").get("subsidyPoints").asString()).isEqualTo("1.00");
    EventEnvelope published =
        events("huoshui.products", shanxi.get("instrumentId").asString(), found -> !found.isEmpty())
            .get(0);
    assertThat(published.type()).isEqualTo("io.huoshui.credit.InstrumentPublished.v1");
  }

  @Test
  void loadingAgainAddsNothing() {
    long before = count();

    assertThat(demo.load().block()).isZero();

    assertThat(count()).isEqualTo(before);
  }

  private long count() {
    return database
        .sql("SELECT (SELECT count(*) FROM product) + (SELECT count(*) FROM instrument)")
        .map(row -> row.get(0, Long.class))
        .one()
        .block();
  }

  private List<String> instrumentNames(String county) {
    List<String> names = new ArrayList<>();
    get(county, "/api/v1/instruments?size=100")
        .get("items")
        .forEach(instrument -> names.add(instrument.get("name").asString()));
    return names;
  }

  private JsonNode product(String bank, String name) {
    for (JsonNode product :
        get(TestTokens.bank(bank), "/api/v1/products?size=100&bank=" + bank).get("items")) {
      if (product.get("name").asString().equals(name)) {
        return product;
      }
    }
    throw new AssertionError(bank + " has not published " + name);
  }

  private List<String> names(String bank) {
    return field(bank, "name");
  }

  private List<String> categories(String bank) {
    return field(bank, "category");
  }

  private List<String> field(String bank, String field) {
    List<String> values = new ArrayList<>();
    get(TestTokens.bank(bank), "/api/v1/products?size=100&bank=" + bank)
        .get("items")
        .forEach(product -> values.add(product.get(field).asString()));
    return values;
  }
}
