package io.huoshui.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input corpus through the gateway of the running network, with the demo clients' real
 * tokens: every write API and list filter of every service given every malformed body, filter and
 * request target of the corpus, and the gateway's own limits. None may answer 5xx, every refusal is
 * problem+json, no malformed request is accepted, and no row of what the writes change moves.
 */
@Order(5)
class HostileNetworkTest {

  /** Requests in flight at once: enough to keep every service busy, few enough for two cores. */
  private static final int IN_FLIGHT = 6;

  private static final String COUNTY = "140428";
  private static final String BANK = "jinshang-bank";
  private static final Api county = Api.as("county-" + COUNTY);
  private static final Api bank = Api.as("bank-" + BANK);
  private static final Api office = Api.as("operator-1404");
  private static final Api administrator = Api.as("operator-14");

  private static final String ANSWER =
      """
      {"answer": "APPROVAL", "amount": "70000000.00", "annualRate": "3.85", "termMonths": 36,
       "reasonCode": "INSUFFICIENT_COLLATERAL", "note": "设备抵押率不足",
       "overRequestReason": "扩产所需", "disbursedOn": "2026-06-01"}
      """;

  private static final String PRODUCT =
      """
      {"name": "碳配额质押贷款", "category": "GREEN", "minAmount": "1000000.00",
       "maxAmount": "50000000.00", "minTermMonths": 6, "maxTermMonths": 60,
       "minAnnualRate": "3.20", "maxAnnualRate": "4.50", "industries": ["INDUSTRY_AND_SOFTWARE"],
       "enterpriseSizes": ["SMALL", "MEDIUM"], "regions": ["1404"],
       "collateral": ["CARBON_QUOTA", "EQUIPMENT"], "tags": ["GREEN"], "validFrom": "2026-01-01",
       "validTo": "2027-12-31", "budget": "500000000.00", "decisionWorkingDays": 10,
       "disbursementWorkingDays": 15}
      """;

  private static final String CLIENT =
      """
      {"clientId": "county-140499", "displayName": "长治市测试县", "tenantType": "COUNTY",
       "tenantId": "140499", "scopes": ["projects:read"]}
      """;

  private static final String YEAR =
      """
      {"year": 2027, "holidays": [{"name": "国庆节", "first": "2027-10-01", "last": "2027-10-07"}],
       "makeUpWorkingDays": ["2027-10-09"],
       "source": {"title": "测试用 2027 年节假日安排", "number": "测试〔2026〕1号",
                  "published": "2026-11-01", "url": "https://example.org/2027"}}
      """;

  private static final String WEBHOOK =
      """
      {"url": "https://portal.example.cn/hook", "language": "zh-CN"}
      """;

  /** One request of the run, and whether the network must refuse it. */
  record Sent(String name, String method, String target, Api caller, String body, boolean refuse) {

    RawHttp.Answer send() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Authorization", "Bearer " + caller.token());
      if (body != null) {
        headers.put("Content-Type", "application/json");
      }
      URI gateway = URI.create(SystemNetwork.GATEWAY);
      return RawHttp.send(
          gateway.getHost(),
          gateway.getPort(),
          method,
          target,
          headers,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : " " + abbreviated(body);
      return method + " " + abbreviated(target) + shown + " (" + name + ")";
    }
  }

  @Test
  void noMalformedRequestAnswers5xxIsAcceptedOrWritesAnything() throws Exception {
    SystemNetwork.get();
    String demand = Api.JSON.writeValueAsString(Demands.green(COUNTY, "恶意输入测试", "30000000.00"));
    String project = firstId(county.get("/api/v1/projects?size=1"), "id");
    String product = firstId(bank.get("/api/v1/products?bank=" + BANK + "&size=1"), "productId");
    String match = firstId(bank.get("/api/v1/matches/inbox?size=1"), "matchId");
    String notice = firstId(county.get("/api/v1/notifications?size=1"), "id");

    List<Sent> requests = new ArrayList<>();
    bodies(requests, "POST", "/api/v1/projects", county, demand, Set.of("description"));
    bodies(requests, "PUT", "/api/v1/projects/" + project, county, demand, Set.of("description"));
    bodies(
        requests,
        "POST",
        "/api/v1/projects/" + project + "/withdraw",
        county,
        "{\"reason\": \"企业已通过自有资金解决\"}",
        Set.of("reason"));
    bodies(
        requests,
        "POST",
        "/api/v1/projects/" + project + "/closure",
        county,
        "{\"reason\": \"FINANCED_ELSEWHERE\", \"note\": \"企业已从省外银行获得贷款\"}",
        Set.of("note"));
    bodies(requests, "POST", "/api/v1/products", bank, PRODUCT, Set.of());
    bodies(requests, "PUT", "/api/v1/products/" + product, bank, PRODUCT, Set.of());
    bodies(
        requests, "POST", "/api/v1/matches/" + match + "/responses", bank, ANSWER, Set.of("note"));
    bodies(
        requests,
        "POST",
        "/api/v1/banks",
        administrator,
        "{\"code\": \"hostile-bank\", \"name\": \"测试银行\", \"level\": \"CITY_BRANCH\"}",
        Set.of());
    bodies(requests, "POST", "/api/v1/clients", office, CLIENT, Set.of());
    bodies(requests, "PUT", "/api/v1/calendar/years/2027", administrator, YEAR, Set.of());
    bodies(requests, "POST", "/api/v1/webhooks", county, WEBHOOK, Set.of());

    filters(requests, "/api/v1/projects", county, projectFilters());
    filters(
        requests,
        "/api/v1/reports/quarterly",
        office,
        Map.of("quarter", "2026-Q4", "county", COUNTY));
    filters(requests, "/api/v1/products", bank, productFilters());
    filters(
        requests,
        "/api/v1/matches/inbox",
        bank,
        ordered("status", "PROPOSED", "deadlineBefore", "2026-12-31", "page", "0", "size", "20"));
    filters(requests, "/api/v1/banks", office, ordered("page", "1", "size", "20"));
    filters(requests, "/api/v1/catalog", county, ordered("region", COUNTY, "format", "json"));
    filters(
        requests,
        "/api/v1/supervision",
        office,
        ordered("colour", "RED", "county", COUNTY, "bank", BANK, "page", "0", "size", "20"));
    filters(
        requests,
        "/api/v1/notifications",
        county,
        ordered("unread", "true", "page", "0", "size", "20", "lang", "zh-CN"));
    filters(
        requests,
        "/api/v1/webhooks/deliveries",
        office,
        ordered("status", "PARKED", "page", "0", "size", "20"));
    filters(
        requests,
        "POST",
        "/api/v1/notifications/" + notice + "/read",
        county,
        Map.of("lang", "zh-CN"));

    paths(requests, "POST", "/api/v1/projects/" + project + "/withdraw", county);
    paths(requests, "PUT", "/api/v1/projects/" + project, county);
    paths(requests, "GET", "/api/v1/projects/" + project, county);
    paths(requests, "POST", "/api/v1/products/" + product + "/retire", bank);
    paths(requests, "POST", "/api/v1/matches/" + match + "/responses", bank);
    paths(requests, "POST", "/api/v1/clients/county-140428/rotate-secret", administrator);
    paths(requests, "POST", "/api/v1/signing-keys/rotate", administrator);
    paths(requests, "PUT", "/api/v1/calendar/years/2027", administrator);
    paths(requests, "POST", "/api/v1/notifications/" + notice + "/read", county);
    paths(requests, "DELETE", "/api/v1/webhooks/" + UUID.randomUUID(), county);
    paths(requests, "GET", "/api/v1/supervision", office);

    Map<String, Long> before = rows();
    JsonNode demandBefore = county.get("/api/v1/projects/" + project).json();
    JsonNode productBefore = bank.get("/api/v1/products/" + product).json();

    List<String> failures = new ArrayList<>();
    failures.addAll(sendAll(requests));
    failures.addAll(limits(project));

    assertThat(rows()).as("rows of what the writes change").isEqualTo(before);
    assertThat(kept(county.get("/api/v1/projects/" + project).json(), demand))
        .isEqualTo(kept(demandBefore, demand));
    assertThat(kept(bank.get("/api/v1/products/" + product).json(), PRODUCT))
        .isEqualTo(kept(productBefore, PRODUCT));
    assertThat(failures)
        .as(
            "of %d requests, these were answered 5xx, accepted or not as problem+json",
            requests.size())
        .isEmpty();
  }

  /** Sends every request, a bounded number at a time; answers what each got wrong. */
  private static List<String> sendAll(List<Sent> requests) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<String>> verdicts = new ArrayList<>();
      for (Sent request : requests) {
        verdicts.add(senders.submit(() -> verdict(request, request.send())));
      }
      List<String> failures = new ArrayList<>();
      for (Future<String> verdict : verdicts) {
        String failure = verdict.get();
        if (failure != null) {
          failures.add(failure);
        }
      }
      return failures;
    } finally {
      senders.shutdownNow();
    }
  }

  private static String verdict(Sent request, RawHttp.Answer answer) {
    boolean refused = answer.status() >= 400 && answer.status() < 500;
    if (answer.status() >= 500 || (request.refuse() && !refused)) {
      return request + " -> " + abbreviated(answer.toString());
    }
    if (answer.status() >= 400 && !answer.isProblem()) {
      return request + " -> not problem+json: " + abbreviated(answer.toString());
    }
    return null;
  }

  /**
   * The gateway's limits: a body over 1 MB (413), a target over 8192 characters (414, among the
   * paths), a header block over what the server reads (431).
   */
  private static List<String> limits(String project) {
    List<String> failures = new ArrayList<>();
    URI gateway = URI.create(SystemNetwork.GATEWAY);
    // Declared, not sent: the gateway answers on the head and closes, and the bytes of a body sent
    // after that would meet a reset that discards its answer.
    RawHttp.Answer tooLarge =
        RawHttp.send(
            gateway.getHost(),
            gateway.getPort(),
            "POST",
            "/api/v1/projects",
            Map.of(
                "Authorization",
                "Bearer " + county.token(),
                "Content-Type",
                "application/json",
                "Content-Length",
                Integer.toString(1_200_000)),
            null);
    expect(
        failures,
        new Sent("a body over 1 MB", "POST", "/api/v1/projects", county, null, true),
        tooLarge,
        413);
    RawHttp.Answer headers =
        RawHttp.send(
            gateway.getHost(),
            gateway.getPort(),
            "GET",
            "/api/v1/projects/" + project,
            Map.of("Authorization", "Bearer " + county.token(), "X-Filler", "a".repeat(65_536)),
            null);
    expect(
        failures,
        new Sent(
            "a header over the limit", "GET", "/api/v1/projects/" + project, county, null, true),
        headers,
        431);
    return failures;
  }

  private static void expect(List<String> failures, Sent sent, RawHttp.Answer answer, int status) {
    if (answer.status() != status || !answer.isProblem()) {
      failures.add(
          sent + " -> expected " + status + " problem+json: " + abbreviated(answer.toString()));
    }
  }

  private static void bodies(
      List<Sent> requests,
      String method,
      String path,
      Api caller,
      String valid,
      Set<String> prose) {
    HostileCorpus.forBody(valid, prose)
        .forEach(
            hostile ->
                requests.add(new Sent(hostile.name(), method, path, caller, hostile.body(), true)));
  }

  private static void filters(
      List<Sent> requests, String path, Api caller, Map<String, String> valid) {
    filters(requests, "GET", path, caller, valid);
  }

  private static void filters(
      List<Sent> requests, String method, String path, Api caller, Map<String, String> valid) {
    HostileCorpus.forQuery(valid)
        .forEach(
            hostile ->
                requests.add(
                    new Sent(hostile.name(), method, path + hostile.query(), caller, null, true)));
  }

  private static void paths(List<Sent> requests, String method, String path, Api caller) {
    HostileCorpus.forPath(path)
        .forEach(
            hostile ->
                requests.add(
                    new Sent(
                        hostile.name(),
                        hostile.method().equals("GET") ? method : hostile.method(),
                        hostile.target(),
                        caller,
                        method.equals("GET") || method.equals("DELETE") ? null : "{}",
                        true)));
  }

  /**
   * Rows of every table that only a write API changes, counted over JDBC: demands and the final
   * ones among them, products and their changes, banks and their answers, clients and their
   * secrets' hashes, signing keys, calendar years, webhook endpoints and notices read.
   */
  private static Map<String, Long> rows() throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    count(rows, "project", "SELECT count(*) FROM project");
    count(rows, "project", "SELECT count(*) FROM project WHERE status IN ('WITHDRAWN', 'CLOSED')");
    count(rows, "credit", "SELECT count(*) FROM product");
    count(rows, "credit", "SELECT count(*) FROM product WHERE status = 'RETIRED'");
    count(rows, "credit", "SELECT count(*) FROM product_change");
    count(rows, "credit", "SELECT count(*) FROM bank");
    count(rows, "credit", "SELECT count(*) FROM bank_response");
    count(rows, "identity", "SELECT count(*) FROM api_client");
    count(rows, "identity", "SELECT sum(hashtext(secret_hash || enabled::text)) FROM api_client");
    count(rows, "identity", "SELECT count(*) FROM signing_key");
    count(rows, "identity", "SELECT coalesce(sum(hashtext(calendar::text)), 0) FROM calendar_year");
    count(rows, "notification", "SELECT count(*) FROM webhook_endpoint WHERE deleted_at IS NULL");
    count(rows, "notification", "SELECT count(*) FROM notification WHERE read_at IS NOT NULL");
    return rows;
  }

  private static void count(Map<String, Long> rows, String database, String sql)
      throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                SystemNetwork.POSTGRES_JDBC + database, "postgres", "postgres");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      rows.put(database + ": " + sql, result.getLong(1));
    }
  }

  /** The members of a read-back that the example body would set, to compare before and after. */
  private static Map<String, JsonNode> kept(JsonNode read, String example) {
    Map<String, JsonNode> kept = new LinkedHashMap<>();
    Api.JSON.readTree(example).propertyNames().forEach(name -> kept.put(name, read.get(name)));
    return kept;
  }

  private static String firstId(Api.Reply reply, String field) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    JsonNode items = reply.json().get("items");
    return items != null && !items.isEmpty()
        ? items.get(0).get(field).asString()
        : UUID.randomUUID().toString();
  }

  private static Map<String, String> projectFilters() {
    return ordered(
        "status",
        "SUBMITTED",
        "industry",
        "AGRICULTURE",
        "tag",
        "GREEN",
        "submittedFrom",
        "2026-01-01",
        "submittedTo",
        "2026-12-31",
        "county",
        COUNTY,
        "page",
        "0",
        "size",
        "20");
  }

  private static Map<String, String> productFilters() {
    return ordered(
        "region",
        "1404",
        "industry",
        "INDUSTRY_AND_SOFTWARE",
        "category",
        "GREEN",
        "amount",
        "1000000.00",
        "tag",
        "GREEN",
        "bank",
        BANK,
        "status",
        "ACTIVE",
        "page",
        "0",
        "size",
        "20");
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      ordered.put(pairs[i], pairs[i + 1]);
    }
    return ordered;
  }

  private static String abbreviated(String text) {
    String visible = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
    return visible.length() > 300
        ? visible.substring(0, 300) + "…(" + visible.length() + ")"
        : visible;
  }
}
