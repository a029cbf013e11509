package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.servicetest.hostile.HostileCase;
import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.HostilePath;
import io.huoshui.servicetest.hostile.HostileText;
import io.huoshui.servicetest.hostile.RawHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input corpus against identity's write APIs: a malformed registration, calendar year
 * or request target is a 4xx problem+json naming what is wrong, and no client, key or year changes;
 * hostile but valid names are stored and answered back exactly.
 */
class HostileInputTest extends IdentityHttp {

  private static final JsonMapper PLAIN = JsonMapper.builder().build();
  private static final String JSON = "application/json";
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  /** Every field a registration takes; 商洛市金融办 registers a client for 洛南县. */
  private static final String REGISTRATION =
      """
      {"clientId": "county-611099", "displayName": "洛南县金融服务平台", "tenantType": "COUNTY",
       "tenantId": "611021", "scopes": ["projects:read"]}
      """;

  /** 2027's National Day as a published year: its text fixed, so every run has the same cases. */
  private static final String YEAR =
      """
      {"year": 2027, "holidays": [{"name": "国庆节", "first": "2027-10-01", "last": "2027-10-07"}],
       "makeUpWorkingDays": ["2027-10-09"],
       "source": {"title": "测试用 2027 年节假日安排", "number": "测试〔2026〕1号",
                  "published": "2026-11-01", "url": "https://example.org/2027"}}
      """;

  @Autowired JdbcClient database;

  static Stream<HostileCase> malformedRegistrations() {
    return HostileCorpus.forBody(REGISTRATION);
  }

  static Stream<HostileText> hostileNames() {
    return HostileCorpus.roundTrips(REGISTRATION);
  }

  static Stream<HostileCase> malformedYears() {
    return HostileCorpus.forBody(YEAR);
  }

  static Stream<HostileText> hostileYearTexts() {
    return HostileCorpus.roundTrips(YEAR);
  }

  /** The targets of every write, each broken the ways of the corpus, sent as POST or PUT. */
  static Stream<HostilePath> malformedTargets() {
    return Stream.of(
            "/api/v1/clients/county-611021/rotate-secret",
            "/api/v1/clients/county-611021/disable",
            "/api/v1/signing-keys/rotate",
            "/api/v1/calendar/years/2027")
        .flatMap(HostileCorpus::forPath);
  }

  @ParameterizedTest
  @MethodSource("malformedRegistrations")
  void aMalformedRegistrationIsRefusedNamingItsFieldAndNothingIsRegistered(HostileCase hostile) {
    String before = clients();

    assertNames(
        raw("POST", "/api/v1/clients", tokenOf(SHANGLUO_OFFICE), JSON, hostile.body()),
        hostile.field());

    assertThat(clients()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("hostileNames")
  void hostileButValidNamesAreRegisteredAndReadBackExactly(HostileText hostile) {
    String operator = tokenOf(SHANGLUO_OFFICE);
    String clientId = "county-" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode body = (ObjectNode) PLAIN.readTree(hostile.body());
    body.put("clientId", clientId);

    HttpResponse<String> created =
        raw("POST", "/api/v1/clients", operator, JSON, PLAIN.writeValueAsString(body));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> read = call("GET", "/api/v1/clients/" + clientId, operator, null);
    assertThat(at(PLAIN.readTree(read.body()), hostile.field())).isEqualTo(hostile.text());
  }

  @ParameterizedTest
  @MethodSource("malformedYears")
  void aMalformedCalendarYearIsRefusedNamingItsFieldAndNothingIsPublished(HostileCase hostile) {
    String before = years();

    assertNames(
        raw("PUT", "/api/v1/calendar/years/2027", tokenOf(SHAANXI_OFFICE), JSON, hostile.body()),
        hostile.field());

    assertThat(years()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("hostileYearTexts")
  void hostileButValidCalendarTextIsPublishedAndReadBackExactly(HostileText hostile) {
    HttpResponse<String> published =
        raw("PUT", "/api/v1/calendar/years/2027", tokenOf(SHAANXI_OFFICE), JSON, hostile.body());

    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    HttpResponse<String> read = call("GET", "/api/v1/calendar/years/2027", tokenOf(ZHANGZI), null);
    assertThat(at(PLAIN.readTree(read.body()), hostile.field())).isEqualTo(hostile.text());
  }

  @ParameterizedTest
  @MethodSource("malformedTargets")
  void aMalformedTargetIsRefusedAsAProblemAndChangesNothing(HostilePath hostile) {
    String before = written();
    String method =
        hostile.method().equals("GET")
            ? (hostile.target().startsWith("/api/v1/calendar") ? "PUT" : "POST")
            : hostile.method();

    RawHttp.Answer answer =
        RawHttp.send(
            "localhost",
            port,
            method,
            hostile.target(),
            Map.of("Authorization", "Bearer " + tokenOf(SHAANXI_OFFICE), "Content-Type", JSON),
            YEAR.getBytes(StandardCharsets.UTF_8));

    assertThat(hostile.refusedBy(answer.status())).as(answer.toString()).isTrue();
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    assertThat(answer.body()).doesNotContain("Exception", "io.huoshui", "at org.");
    assertThat(written()).isEqualTo(before);
  }

  /** Everything the write APIs change: the clients with their secrets, the keys, the years. */
  private String written() {
    return clients()
        + snapshot("SELECT string_agg(kid, '|' ORDER BY kid) FROM signing_key")
        + years();
  }

  /** The clients, their secrets' hashes and whether they are enabled. */
  /**
   * One token per client for the whole corpus, well inside its 15 minutes: each token costs a check
   * of the client's hashed secret, which minting one per case made most of the corpus' time.
   */
  private String tokenOf(String clientId) {
    return TOKENS.computeIfAbsent(
        clientId, id -> id.equals(SHAANXI_OFFICE) ? administratorToken() : accessToken(id));
  }

  private String clients() {
    return snapshot(
        "SELECT string_agg(client_id || display_name || secret_hash || enabled::text, '|'"
            + " ORDER BY client_id) FROM api_client");
  }

  private String years() {
    return snapshot("SELECT string_agg(y::text, '|' ORDER BY year) FROM calendar_year y");
  }

  private String snapshot(String sql) {
    return database.sql("SELECT coalesce((" + sql + "), '')").query(String.class).single();
  }

  /**
   * 400 problem+json naming the field, or the list it is an element of ({@code scopes} for {@code
   * scopes[0]}: the refusal of a scope this tenant cannot hold names the list), and nothing of the
   * service's insides.
   */
  private static void assertNames(HttpResponse<String> answer, String field) {
    assertProblem(answer, 400);
    assertThat(answer.body()).doesNotContain("io.huoshui", "tools.jackson", "Exception");
    JsonNode errors = PLAIN.readTree(answer.body()).get("errors");
    List<String> named = errors == null ? List.of() : errors.findValuesAsString("field");
    if (field.equals("body")) {
      // A document cut short is refused where the parser stopped: the body or a member.
      assertThat(named).as(answer.body()).isNotEmpty();
    } else {
      assertThat(named)
          .as(answer.body())
          .containsAnyElementsOf(List.of(field, field.replaceAll("\\[\\d+]$", "")));
    }
  }

  private static String at(JsonNode node, String path) {
    JsonNode found = node;
    for (String step : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
      found = step.matches("\\d+") ? found.get(Integer.parseInt(step)) : found.get(step);
    }
    return found.asString();
  }
}
