package io.huoshui.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.servicetest.hostile.HostileCase;
import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.HostileQuery;
import io.huoshui.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus against this service's own write APIs and list filters: every malformed
 * product, answer and filter is a 400 problem+json naming what is wrong, and nothing is written.
 */
class HostileInputTest extends CreditApiTest {

  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private static final String SHANGLUO = "6110";

  /** Every field an answer takes, each in its documented form. */
  private static final String ANSWER =
      """
      {"answer": "APPROVAL", "amount": "70000000.00", "annualRate": "3.85", "termMonths": 36,
       "reasonCode": "INSUFFICIENT_COLLATERAL", "note": "设备抵押率不足",
       "overRequestReason": "扩产所需", "disbursedOn": "2026-06-01"}
      """;

  /** A bank that never publishes a product: whatever it sends, its catalog stays empty. */
  private static String publisher;

  /** A bank with a match it never manages to answer. */
  private static String answerer;

  private static UUID match;

  @BeforeEach
  void banksOfTheirOwn() {
    if (publisher == null) {
      publisher = newBank("CITY_BRANCH");
      answerer = newBank("CITY_BRANCH");
      match = pushMatch(answerer, publishProduct(answerer), "30000000.00");
    }
  }

  static Stream<HostileCase> malformedProducts() {
    return HostileCorpus.forBody(
        PLAIN.writeValueAsString(
            product("decisionWorkingDays", 10, "disbursementWorkingDays", 15)));
  }

  /**
   * An interest subsidy with every member an instrument takes, and the other kinds' benefits: the
   * whole corpus over the first, and over the benefit members only of the others.
   */
  static Stream<HostileCase> malformedInstruments() {
    Stream<HostileCase> subsidy =
        HostileCorpus.forBody(PLAIN.writeValueAsString(hostileInstrument("INTEREST_SUBSIDY")));
    Stream<HostileCase> otherBenefits =
        Stream.of("GUARANTEE", "RISK_COMPENSATION")
            .flatMap(
                kind -> HostileCorpus.forBody(PLAIN.writeValueAsString(hostileInstrument(kind))))
            .filter(hostile -> hostile.field().startsWith("benefit."));
    return Stream.concat(subsidy, otherBenefits);
  }

  /** Issued by 商洛's office, where no other test issues any. */
  private static Map<String, Object> hostileInstrument(String kind) {
    return instrument(kind, "issuerRegion", SHANGLUO, "eligibility.regions", List.of(SHANGLUO));
  }

  static Stream<HostileCase> malformedAnswers() {
    return HostileCorpus.forBody(ANSWER, Set.of("note"));
  }

  /** A list, who may read it, and its filters with one of them malformed. */
  record Filtered(String path, Supplier<String> reader, HostileQuery query) {

    @Override
    public String toString() {
      return path + " " + query;
    }
  }

  static Stream<Filtered> malformedFilters() {
    Map<String, String> products = new LinkedHashMap<>();
    products.put("region", "1404");
    products.put("industry", "INDUSTRY_AND_SOFTWARE");
    products.put("category", "GREEN");
    products.put("amount", "1000000.00");
    products.put("tag", "GREEN");
    products.put("bank", "jinshang-bank");
    products.put("status", "ACTIVE");
    products.put("page", "0");
    products.put("size", "20");
    return Stream.of(
            filtered("/api/v1/products", () -> TestTokens.bank(publisher), products),
            filtered(
                "/api/v1/matches/inbox",
                () -> TestTokens.bank(answerer),
                Map.of(
                    "status",
                    "PROPOSED",
                    "deadlineBefore",
                    "2026-12-31",
                    "page",
                    "0",
                    "size",
                    "20")),
            filtered("/api/v1/instruments", () -> TestTokens.bank(publisher), instrumentFilters()),
            filtered(
                "/api/v1/banks",
                () -> TestTokens.operator(CHANGZHI),
                Map.of("page", "1", "size", "20")),
            filtered(
                "/api/v1/catalog",
                () -> TestTokens.county(ZHANGZI),
                Map.of("region", "140428", "format", "json")))
        .flatMap(cases -> cases);
  }

  private static Map<String, String> instrumentFilters() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("region", "1404");
    filters.put("issuer", "14");
    filters.put("kind", "GUARANTEE");
    filters.put("industry", "AGRICULTURE");
    filters.put("enterpriseSize", "SMALL");
    filters.put("purpose", "WORKING_CAPITAL");
    filters.put("tag", "FIRST_LOAN");
    filters.put("amount", "1000000.00");
    filters.put("validOn", "2026-06-01");
    filters.put("status", "ACTIVE");
    filters.put("page", "0");
    filters.put("size", "20");
    return filters;
  }

  private static Stream<Filtered> filtered(
      String path, Supplier<String> reader, Map<String, String> validFilters) {
    return HostileCorpus.forQuery(validFilters).map(query -> new Filtered(path, reader, query));
  }

  @ParameterizedTest
  @MethodSource("malformedProducts")
  void aMalformedProductIsRefusedNamingItsFieldAndNothingIsPublished(HostileCase hostile) {
    assertNames(
        postRaw(TestTokens.bank(publisher), "/api/v1/products", hostile.body()), hostile.field());

    assertThat(count("SELECT count(*) FROM product WHERE bank_code = :key", publisher)).isZero();
  }

  @ParameterizedTest
  @MethodSource("malformedInstruments")
  void aMalformedInstrumentIsRefusedNamingItsFieldAndNothingIsIssued(HostileCase hostile) {
    assertNames(
        postRaw(TestTokens.operator(SHANGLUO), "/api/v1/instruments", hostile.body()),
        hostile.field());

    assertThat(count("SELECT count(*) FROM instrument WHERE issuer_region LIKE :key || '%'", "61"))
        .isZero();
  }

  @ParameterizedTest
  @MethodSource("malformedAnswers")
  void aMalformedAnswerIsRefusedNamingItsFieldAndNothingIsRecorded(HostileCase hostile) {
    assertNames(
        postRaw(
            TestTokens.bank(answerer), "/api/v1/matches/" + match + "/responses", hostile.body()),
        hostile.field());

    assertThat(count("SELECT count(*) FROM bank_response WHERE bank_code = :key", answerer))
        .isZero();
  }

  @ParameterizedTest
  @MethodSource("malformedFilters")
  void aMalformedFilterIsRefusedNamingIt(Filtered hostile) {
    HostileQuery query = hostile.query();
    assertNames(
        http.get()
            .uri(
                builder -> {
                  builder.path(hostile.path());
                  query
                      .parameters()
                      .keySet()
                      .forEach(name -> builder.queryParam(name, "{" + name + "}"));
                  return builder.build(query.parameters());
                })
            .headers(h -> h.setBearerAuth(hostile.reader().get()))
            .exchange(),
        query.field());
  }

  /** The body as its bytes, so that no client codec reads or corrects the malformed JSON. */
  private WebTestClient.ResponseSpec postRaw(String token, String uri, String body) {
    return http.post()
        .uri(uri)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  /** A 400 problem+json naming the field, and none of this service's insides. */
  private static void assertNames(WebTestClient.ResponseSpec response, String field) {
    byte[] body =
        response
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult()
            .getResponseBody();
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("io.huoshui", "tools.jackson", "Exception");
    List<String> fields = new ArrayList<>();
    JsonNode errors = PLAIN.readTree(body).get("errors");
    if (errors != null) {
      errors.forEach(error -> fields.add(error.get("field").asString()));
    }
    if (field.equals("body")) {
      // A document cut short is refused where the parser stopped ("industries[0]"), which tells
      // the integrator more than the body as a whole.
      assertThat(fields).isNotEmpty();
    } else {
      assertThat(fields).contains(field);
    }
  }

  private long count(String sql, String key) {
    return database.sql(sql).bind("key", key).map(row -> row.get(0, Long.class)).one().block();
  }
}
