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
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Policy instruments: a financial office issues and changes those of its region against the version
 * it read, each change announced on the products' topic; counties read those that serve them, banks
 * every one. Each test issues in a (made-up) county of 长治 of its own, so that its lists hold only
 * its own instruments.
 */
class InstrumentApiTest extends CreditApiTest {

  private static final String INSTRUMENTS = "/api/v1/instruments";

  @Test
  void anOfficeIssuesAnInstrumentThatIsAnnouncedAndReadByTheCountiesItServesAndEveryBank() {
    String office = TestTokens.operator(CHANGZHI);
    String key = UUID.randomUUID().toString();
    Map<String, Object> fund =
        instrument("GUARANTEE", "name", "长治市测试担保基金", "eligibility.purposes", null);

    WebTestClient.ResponseSpec created =
        postWithKey(office, INSTRUMENTS, key, fund)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectHeader()
            .value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith(INSTRUMENTS));
    JsonNode issued = body(created);
    String id = issued.get("instrumentId").asString();
    assertThat(issued.get("kind").asString()).isEqualTo("GUARANTEE");
    assertThat(issued.get("issuerRegion").asString()).isEqualTo(CHANGZHI);
    assertThat(issued.get("benefit").get("coverageRatio").asString()).isEqualTo("80.00");
    assertThat(issued.get("benefit").get("feeRate").asString()).isEqualTo("0.75");
    assertThat(issued.get("benefit").has("subsidyPoints")).isFalse();
    assertThat(issued.get("eligibility").get("purposes").isEmpty()).isTrue();
    assertThat(issued.get("eligibility").get("maxAmount").asString()).isEqualTo("10000000.00");
    assertThat(issued.get("remainingBudget").asString()).isEqualTo("50000000.00");
    assertThat(issued.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(issued.get("version").asInt()).isEqualTo(1);
    assertThat(
            body(postWithKey(office, INSTRUMENTS, key, fund).expectStatus().isCreated())
                .get("instrumentId")
                .asString())
        .isEqualTo(id);

    EventEnvelope published = events("huoshui.products", id, found -> !found.isEmpty()).get(0);
    assertThat(published.type()).isEqualTo("io.huoshui.credit.InstrumentPublished.v1");
    assertThat(published.data().get("budget").asString()).isEqualTo("50000000.00");
    Contracts.assertConforms(published);

    assertThat(ids(TestTokens.county(ZHANGZI), INSTRUMENTS + "?size=100")).contains(id);
    assertThat(ids(TestTokens.bank("any-bank"), INSTRUMENTS + "?size=100")).contains(id);
    assertThat(ids(TestTokens.county("611021"), INSTRUMENTS + "?size=100")).doesNotContain(id);
    assertThat(ids(TestTokens.county("140702"), INSTRUMENTS + "?size=100")).doesNotContain(id);
    read(TestTokens.county(ZHANGZI), id)
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, "\"1\"");
    assertProblem(read(TestTokens.county("611021"), id), 404, null);
    assertProblem(read(TestTokens.county(ZHANGZI), UUID.randomUUID().toString()), 404, null);
  }

  @Test
  void eachKindTakesItsOwnBenefitAndEveryRuleNamesItsField() {
    String office = TestTokens.operator(CHANGZHI);
    String name = "规则测试" + UUID.randomUUID();

    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("GUARANTEE", "name", name, "benefit.subsidyPoints", "1.00")),
        "benefit.subsidyPoints");
    assertInvalid(
        post(office, INSTRUMENTS, instrument("GUARANTEE", "name", name, "benefit.feeRate", null)),
        "benefit.feeRate");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("INTEREST_SUBSIDY", "name", name, "benefit.subsidyPoints", null)),
        "benefit.subsidyPoints");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("INTEREST_SUBSIDY", "name", name, "benefit.subsidyCeiling", "60000000.00")),
        "benefit.subsidyCeiling");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("RISK_COMPENSATION", "name", name, "benefit.lossShare", "100.01")),
        "benefit.lossShare");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("RISK_COMPENSATION", "name", name, "benefit.coverageRatio", "50.00")),
        "benefit.coverageRatio");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("GUARANTEE", "name", name, "benefit.coverageRatio", "0")),
        "benefit.coverageRatio");
    assertInvalid(
        post(office, INSTRUMENTS, instrument("GUARANTEE", "name", name, "kind", "LOAN")), "kind");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("GUARANTEE", "name", name, "eligibility.regions", List.of(ZHANGZI, "1407"))),
        "eligibility.regions[1]");
    assertInvalid(
        post(
            office,
            INSTRUMENTS,
            instrument("GUARANTEE", "name", name, "eligibility.regions", List.of())),
        "eligibility.regions");
    assertInvalid(
        post(office, INSTRUMENTS, instrument("GUARANTEE", "name", name, "validFrom", "2028-01-01")),
        "validFrom");
    assertInvalid(
        post(office, INSTRUMENTS, instrument("GUARANTEE", "name", name, "budget", "0.00")),
        "budget");
    assertInvalid(
        post(office, INSTRUMENTS, instrument("GUARANTEE", "name", name, "issuerRegion", "14")),
        "issuerRegion");
    assertInvalid(
        post(
            TestTokens.operator("1407"),
            INSTRUMENTS,
            instrument("GUARANTEE", "name", name, "issuerRegion", "1407")),
        "eligibility.regions[0]");

    assertThat(
            database
                .sql("SELECT count(*) FROM instrument WHERE name = :name")
                .bind("name", name)
                .map(row -> row.get(0, Long.class))
                .one()
                .block())
        .isZero();
  }

  @Test
  void onlyAnOfficeWhoseRegionHoldsTheIssuerManagesTheInstrument() {
    String county = "140491";
    String id =
        issue(
            county,
            instrument(
                "RISK_COMPENSATION",
                "issuerRegion",
                county,
                "eligibility.regions",
                List.of(county)));
    Map<String, Object> changed =
        instrument(
            "RISK_COMPENSATION",
            "issuerRegion",
            county,
            "eligibility.regions",
            List.of(county),
            "benefit.lossShare",
            "50.00");

    assertProblem(post(TestTokens.county(county), INSTRUMENTS, changed), 403, null);
    assertProblem(post(TestTokens.bank("any-bank"), INSTRUMENTS, changed), 403, null);
    assertProblem(put(TestTokens.operator("1407"), id, "\"1\"", changed), 404, null);
    assertProblem(retire(TestTokens.operator("6110"), id, "\"1\""), 404, null);
    assertProblem(retire(TestTokens.operator("140492"), id, "\"1\""), 404, null);

    JsonNode byTheProvince =
        body(put(TestTokens.operator("14"), id, "\"1\"", changed).expectStatus().isOk());
    assertThat(byTheProvince.get("benefit").get("lossShare").asString()).isEqualTo("50.00");
    assertThat(
            body(retire(TestTokens.operator(county), id, "\"2\"").expectStatus().isOk())
                .get("status")
                .asString())
        .isEqualTo("RETIRED");
  }

  @Test
  void aChangeIsMadeAgainstTheVersionItReadAndEachChangeIsAnnounced() {
    String county = "140493";
    String office = TestTokens.operator(CHANGZHI);
    Map<String, Object> subsidy =
        instrument(
            "INTEREST_SUBSIDY", "issuerRegion", county, "eligibility.regions", List.of(county));
    String id = issue(county, subsidy);
    Map<String, Object> raised = new java.util.LinkedHashMap<>(subsidy);
    raised.put("budget", "80000000.00");

    assertProblem(put(office, id, null, raised), 428, null);
    assertProblem(put(office, id, "\"2\"", raised), 412, null);
    assertInvalid(put(office, id, "*", raised), "If-Match");
    assertInvalid(put(office, id, "W/\"1\"", raised), "If-Match");
    assertInvalid(put(office, id, "1", raised), "If-Match");
    assertInvalid(put(office, id, "\"1\", \"2\"", raised), "If-Match");

    JsonNode updated =
        body(
            put(office, id, "\"1\"", raised)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"2\""));
    assertThat(updated.get("budget").asString()).isEqualTo("80000000.00");
    assertThat(updated.get("remainingBudget").asString()).isEqualTo("80000000.00");
    assertThat(updated.get("version").asInt()).isEqualTo(2);
    assertProblem(put(office, id, "\"1\"", subsidy), 412, null);
    assertProblem(retire(office, id, null), 428, null);

    JsonNode retired = body(retire(office, id, "\"2\"").expectStatus().isOk());
    assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
    assertThat(retired.get("version").asInt()).isEqualTo(3);
    assertProblem(retire(office, id, "\"3\""), 409, "INSTRUMENT_RETIRED");
    assertProblem(put(office, id, "\"3\"", subsidy), 409, "INSTRUMENT_RETIRED");

    String bank = TestTokens.bank("any-bank");
    assertThat(ids(bank, INSTRUMENTS + "?issuer=" + county)).isEmpty();
    assertThat(ids(bank, INSTRUMENTS + "?status=RETIRED&issuer=" + county)).containsExactly(id);
    List<EventEnvelope> announced = events("huoshui.products", id, found -> found.size() >= 3);
    assertThat(announced)
        .extracting(EventEnvelope::type)
        .containsExactly(
            "io.huoshui.credit.InstrumentPublished.v1",
            "io.huoshui.credit.InstrumentUpdated.v1",
            "io.huoshui.credit.InstrumentRetired.v1");
    announced.forEach(Contracts::assertConforms);
    assertThat(announced.get(1).data().get("budget").asString()).isEqualTo("80000000.00");
  }

  @Test
  void aBudgetIsNeverSetBelowWhatDrawingsHaveTaken() {
    String county = "140494";
    Map<String, Object> pool =
        instrument(
            "RISK_COMPENSATION", "issuerRegion", county, "eligibility.regions", List.of(county));
    String id = issue(county, pool);
    // What an approval drawing on the pool takes, as the drawing will record it.
    database
        .sql("UPDATE instrument SET drawn = 30000000.00 WHERE id = :id")
        .bind("id", UUID.fromString(id))
        .then()
        .block();
    Map<String, Object> lowered = new java.util.LinkedHashMap<>(pool);
    lowered.put("budget", "29999999.99");

    assertProblem(
        put(TestTokens.operator(county), id, "\"1\"", lowered), 422, "BUDGET_BELOW_DRAWN");
    assertThat(
            read(TestTokens.bank("any-bank"), id)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("remainingBudget")
                .asString())
        .isEqualTo("20000000.00");
  }

  @Test
  void theListIsFilteredByWhatALoanIsAndPaged() {
    String county = "140495";
    String bank = TestTokens.bank("any-bank");
    String subsidy =
        issue(
            county,
            instrument(
                "INTEREST_SUBSIDY",
                "issuerRegion",
                county,
                "eligibility.regions",
                List.of(county),
                "eligibility.industries",
                List.of(),
                "eligibility.purposes",
                List.of(),
                "validTo",
                null));
    String fund =
        issue(
            county,
            instrument(
                "GUARANTEE",
                "issuerRegion",
                county,
                "eligibility.regions",
                List.of(county),
                "eligibility.tags",
                List.of("GREEN"),
                "eligibility.maxAmount",
                "30000000.00",
                "eligibility.enterpriseSizes",
                List.of("MEDIUM")));
    String mine = INSTRUMENTS + "?issuer=" + county;

    assertThat(ids(bank, mine)).containsExactlyInAnyOrder(subsidy, fund);
    assertThat(ids(bank, mine + "&kind=GUARANTEE")).containsExactly(fund);
    assertThat(ids(bank, mine + "&industry=TRANSPORT")).containsExactly(subsidy);
    assertThat(ids(bank, mine + "&industry=AGRICULTURE")).containsExactlyInAnyOrder(subsidy, fund);
    assertThat(ids(bank, mine + "&enterpriseSize=MEDIUM")).containsExactly(fund);
    assertThat(ids(bank, mine + "&purpose=FIXED_ASSETS")).containsExactly(subsidy);
    assertThat(ids(bank, mine + "&tag=GREEN")).containsExactly(fund);
    assertThat(ids(bank, mine + "&amount=20000000.00")).containsExactly(fund);
    assertThat(ids(bank, mine + "&validOn=2028-06-01")).containsExactly(subsidy);
    assertThat(ids(bank, mine + "&validOn=2025-12-31")).isEmpty();
    assertThat(ids(bank, mine + "&region=1404")).containsExactlyInAnyOrder(subsidy, fund);
    assertThat(ids(bank, mine + "&region=" + ZHANGZI)).isEmpty();
    assertThat(ids(TestTokens.county(county), INSTRUMENTS + "?kind=GUARANTEE&size=100"))
        .contains(fund)
        .doesNotContain(subsidy);

    JsonNode firstPage = get(bank, mine + "&size=1&page=0");
    assertThat(firstPage.get("totalItems").asInt()).isEqualTo(2);
    assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
    assertThat(firstPage.get("items")).hasSize(1);
    assertInvalid(
        http.get().uri(mine + "&kind=LOAN").headers(h -> h.setBearerAuth(bank)).exchange(), "kind");
  }

  /** Issues the instrument as the county's own office and answers its id. */
  private String issue(String county, Map<String, Object> instrument) {
    return body(post(TestTokens.operator(county), INSTRUMENTS, instrument)
            .expectStatus()
            .isCreated())
        .get("instrumentId")
        .asString();
  }

  private WebTestClient.ResponseSpec read(String token, String id) {
    return http.get().uri(INSTRUMENTS + "/" + id).headers(h -> h.setBearerAuth(token)).exchange();
  }

  private WebTestClient.ResponseSpec put(
      String token, String id, String ifMatch, Map<String, Object> instrument) {
    return http.put()
        .uri(INSTRUMENTS + "/" + id)
        .headers(
            h -> {
              h.setBearerAuth(token);
              if (ifMatch != null) {
                h.set(HttpHeaders.IF_MATCH, ifMatch);
              }
            })
        .bodyValue(instrument)
        .exchange();
  }

  private WebTestClient.ResponseSpec retire(String token, String id, String ifMatch) {
    return http.post()
        .uri(INSTRUMENTS + "/" + id + "/retire")
        .headers(
            h -> {
              h.setBearerAuth(token);
              if (ifMatch != null) {
                h.set(HttpHeaders.IF_MATCH, ifMatch);
              }
            })
        .exchange();
  }

  private List<String> ids(String token, String uri) {
    List<String> ids = new ArrayList<>();
    get(token, uri).get("items").forEach(i -> ids.add(i.get("instrumentId").asString()));
    return ids;
  }
}
