package io.huoshui.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.servicetest.hostile.HostileCase;
import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.HostilePath;
import io.huoshui.servicetest.hostile.HostileQuery;
import io.huoshui.servicetest.hostile.HostileText;
import io.huoshui.servicetest.hostile.RawHttp;
import io.huoshui.testsupport.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The hostile-input corpus against this service's writes: a malformed webhook registration, list
 * filter, notice marked read or request target is a 400 (or the HTTP layer's own 4xx) problem+json
 * naming what is wrong, and no endpoint is registered or removed and no notice is marked read; a
 * hostile but valid receiver URL is registered and answered back exactly.
 */
class HostileInputTest extends NotificationServiceTest {

  /** Every field a registration takes, the portal's name public to the tests' name service. */
  private static final String REGISTRATION =
      """
      {"url": "https://portal.example.cn/hook", "language": "zh-CN"}
      """;

  /** The county every refused request is made as, with one notice it has not read. */
  private static String county;

  private static UUID notice;

  @Autowired DatabaseClient database;
  @LocalServerPort int port;

  @BeforeEach
  void aCountyWithANotice() {
    if (county == null) {
      county = freshCounty();
      UUID project = UUID.randomUUID();
      publishDecline(county, project);
      notice =
          UUID.fromString(
              awaitNotifications(
                      TestTokens.county(county), project.toString(), found -> !found.isEmpty())
                  .get(0)
                  .get("id")
                  .asString());
    }
  }

  static Stream<HostileCase> malformedRegistrations() {
    return HostileCorpus.forBody(REGISTRATION);
  }

  static Stream<HostileText> hostileUrls() {
    return HostileCorpus.roundTrips(REGISTRATION);
  }

  /** A list, who reads it, and its filters with one of them malformed. */
  record Filtered(String path, Supplier<String> reader, HostileQuery query) {

    @Override
    public String toString() {
      return path + " " + query;
    }
  }

  static Stream<Filtered> malformedFilters() {
    Map<String, String> notices = new LinkedHashMap<>();
    notices.put("unread", "true");
    notices.put("page", "0");
    notices.put("size", "20");
    notices.put("lang", "zh-CN");
    Map<String, String> parked = new LinkedHashMap<>();
    parked.put("status", "PARKED");
    parked.put("page", "0");
    parked.put("size", "20");
    return Stream.concat(
        HostileCorpus.forQuery(notices)
            .map(query -> new Filtered("/api/v1/notifications", () -> token(), query)),
        HostileCorpus.forQuery(parked)
            .map(
                query ->
                    new Filtered(
                        "/api/v1/webhooks/deliveries", () -> TestTokens.operator("1404"), query)));
  }

  static Stream<HostileQuery> malformedReadLanguages() {
    return HostileCorpus.forQuery(Map.of("lang", "zh-CN"));
  }

  /** The targets of every write, broken the ways of the corpus, sent with the write's method. */
  static Stream<Object[]> malformedTargets() {
    String someone = UUID.randomUUID().toString();
    return Stream.of(
            new String[] {"POST", "/api/v1/notifications/" + someone + "/read"},
            new String[] {"DELETE", "/api/v1/webhooks/" + someone},
            new String[] {"POST", "/api/v1/webhooks/deliveries/" + someone + "/replay"},
            new String[] {"POST", "/api/v1/webhooks"})
        .flatMap(
            write ->
                HostileCorpus.forPath(write[1])
                    .map(
                        path ->
                            new Object[] {
                              path.method().equals("GET") ? write[0] : path.method(), path
                            }));
  }

  @ParameterizedTest
  @MethodSource("malformedRegistrations")
  void aMalformedRegistrationIsRefusedNamingItsFieldAndNothingIsRegistered(HostileCase hostile) {
    String before = written();

    assertNames(send("POST", "/api/v1/webhooks", token(), hostile.body()), hostile.field());

    assertThat(written()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("hostileUrls")
  void aHostileButValidUrlIsRegisteredAndAnsweredBackExactly(HostileText hostile) {
    String owner = TestTokens.county(freshCounty());

    JsonNode created =
        json.readTree(
            send("POST", "/api/v1/webhooks", owner, hostile.body())
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

    assertThat(created.get(hostile.field()).asString()).isEqualTo(hostile.text());
    JsonNode listed = get(owner, "/api/v1/webhooks");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get(hostile.field()).asString()).isEqualTo(hostile.text());
  }

  @ParameterizedTest
  @MethodSource("malformedFilters")
  void aMalformedFilterIsRefusedNamingIt(Filtered hostile) {
    assertNames(
        query("GET", hostile.path(), hostile.query(), hostile.reader().get()),
        hostile.query().field());
  }

  @ParameterizedTest
  @MethodSource("malformedReadLanguages")
  void aNoticeMarkedReadInAMalformedLanguageIsRefusedAndStaysUnread(HostileQuery hostile) {
    assertNames(
        query("POST", "/api/v1/notifications/" + notice + "/read", hostile, token()),
        hostile.field());

    assertThat(
            database
                .sql("SELECT read_at IS NULL FROM notification WHERE id = :id")
                .bind("id", notice)
                .map(row -> row.get(0, Boolean.class))
                .one()
                .block())
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("malformedTargets")
  void aMalformedTargetIsRefusedAsAProblemAndChangesNothing(String method, HostilePath hostile) {
    String before = written();

    RawHttp.Answer answer =
        RawHttp.send(
            "localhost",
            port,
            method,
            hostile.target(),
            Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json"),
            REGISTRATION.getBytes(StandardCharsets.UTF_8));

    assertThat(hostile.refusedBy(answer.status())).as(answer.toString()).isTrue();
    assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    assertThat(answer.body()).doesNotContain("Exception", "io.huoshui");
    assertThat(written()).isEqualTo(before);
  }

  private static String token() {
    return TestTokens.county(county);
  }

  /** What the writes change: the endpoints, whether removed, and which notices are read. */
  private String written() {
    return database
        .sql(
            "SELECT coalesce((SELECT string_agg(e.id || ':' || coalesce(e.deleted_at::text, ''),"
                + " '|' ORDER BY e.id) FROM webhook_endpoint e), '')"
                + " || (SELECT count(*) FROM notification WHERE read_at IS NOT NULL)")
        .map(row -> row.get(0, String.class))
        .one()
        .block();
  }

  private WebTestClient.ResponseSpec send(String method, String path, String token, String body) {
    return http.method(HttpMethod.valueOf(method))
        .uri(path)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  /** The filters as {@link HostileQuery#query()} encodes them, past any client's own encoding. */
  private WebTestClient.ResponseSpec query(
      String method, String path, HostileQuery hostile, String token) {
    return http.method(HttpMethod.valueOf(method))
        .uri(URI.create("http://localhost:" + port + path + hostile.query()))
        .headers(h -> h.setBearerAuth(token))
        .exchange();
  }

  /** A 400 problem+json naming the field, and none of this service's insides. */
  private void assertNames(WebTestClient.ResponseSpec response, String field) {
    String text =
        response
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(text).doesNotContain("io.huoshui", "tools.jackson", "Exception");
    List<String> fields = new ArrayList<>();
    JsonNode errors = json.readTree(text).get("errors");
    if (errors != null) {
      errors.forEach(error -> fields.add(error.get("field").asString()));
    }
    if (field.equals("body")) {
      // A document cut short is refused where the parser stopped: the body or a member.
      assertThat(fields).as(text).isNotEmpty();
    } else {
      assertThat(fields).as(text).contains(field);
    }
  }
}
