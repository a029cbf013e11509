package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.hostile.HostileCase;
import io.huoshui.servicetest.hostile.HostileCorpus;
import io.huoshui.servicetest.hostile.HostileQuery;
import io.huoshui.servicetest.hostile.HostileText;
import io.huoshui.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus against this service's own write APIs and list filters: every malformed
 * request is refused 400 problem+json naming its field or parameter, and writes nothing; hostile
 * but valid text is stored and answered back exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends ProjectServiceTest {

  private static final String COUNTY = "149960";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEMAND = JSON.writeValueAsString(toyPlant());
  private static final Set<String> DEMAND_PROSE = Set.of("description");

  /** A demand of the county that every refused change is tried on. */
  private UUID target;

  static Stream<HostileCase> malformedDemands() {
    return HostileCorpus.forBody(DEMAND, DEMAND_PROSE);
  }

  static Stream<HostileText> hostileTexts() {
    return HostileCorpus.roundTrips(DEMAND);
  }

  static Stream<HostileCase> malformedWithdrawals() {
    return HostileCorpus.forBody("{\"reason\": \"企业已通过自有资金解决\"}", Set.of("reason"));
  }

  static Stream<HostileCase> malformedClosures() {
    return HostileCorpus.forBody(
        "{\"reason\": \"FINANCED_ELSEWHERE\", \"note\": \"企业已从省外银行获得贷款\"}", Set.of("note"));
  }

  static Stream<HostileQuery> malformedListFilters() {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("status", "SUBMITTED");
    filters.put("industry", "AGRICULTURE");
    filters.put("tag", "GREEN");
    filters.put("submittedFrom", "2026-01-01");
    filters.put("submittedTo", "2026-12-31");
    filters.put("county", COUNTY);
    filters.put("page", "0");
    filters.put("size", "20");
    return HostileCorpus.forQuery(filters);
  }

  static Stream<HostileQuery> malformedReportFilters() {
    return HostileCorpus.forQuery(Map.of("quarter", "2026-Q4", "county", COUNTY));
  }

  private UUID target() {
    if (target == null) {
      target = submit(COUNTY, toyPlant());
    }
    return target;
  }

  @ParameterizedTest
  @MethodSource("malformedDemands")
  void aMalformedDemandIsRefusedAndNothingIsWritten(HostileCase hostile) {
    long demands = count("SELECT count(*) FROM project WHERE county = :v", COUNTY);
    long events = outboxEvents();
    refused(send("POST", "/api/v1/projects", hostile.body()), hostile.field());
    assertThat(count("SELECT count(*) FROM project WHERE county = :v", COUNTY)).isEqualTo(demands);
    assertThat(outboxEvents()).isEqualTo(events);
  }

  @ParameterizedTest
  @MethodSource("malformedDemands")
  void aMalformedChangeIsRefusedAndNothingIsWritten(HostileCase hostile) {
    assertRefusedWithoutWriting("PUT", "", hostile);
  }

  @ParameterizedTest
  @MethodSource("malformedWithdrawals")
  void aMalformedWithdrawalIsRefusedAndNothingIsWritten(HostileCase hostile) {
    assertRefusedWithoutWriting("POST", "/withdraw", hostile);
  }

  @ParameterizedTest
  @MethodSource("malformedClosures")
  void aMalformedClosureIsRefusedAndNothingIsWritten(HostileCase hostile) {
    assertRefusedWithoutWriting("POST", "/closure", hostile);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void hostileButValidTextIsStoredAndAnsweredExactly(HostileText hostile) {
    byte[] created =
        send("POST", "/api/v1/projects", hostile.body())
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    String id = JSON.readTree(created).get("id").asString();
    byte[] read =
        http.get()
            .uri("/api/v1/projects/" + id)
            .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody();
    assertThat(at(JSON.readTree(created), hostile.field())).isEqualTo(hostile.text());
    assertThat(at(JSON.readTree(read), hostile.field())).isEqualTo(hostile.text());
  }

  @ParameterizedTest
  @MethodSource("malformedListFilters")
  void aMalformedListFilterIsRefusedNamingIt(HostileQuery hostile) {
    refused(query("/api/v1/projects", hostile, TestTokens.county(COUNTY)), hostile.field());
  }

  @ParameterizedTest
  @MethodSource("malformedReportFilters")
  void aMalformedReportFilterIsRefusedNamingIt(HostileQuery hostile) {
    refused(
        query("/api/v1/reports/quarterly", hostile, TestTokens.operator("14")), hostile.field());
  }

  @Test
  void theValidFiltersAreRead() {
    http.get()
        .uri(
            "/api/v1/projects?status=SUBMITTED&industry=INDUSTRY_AND_SOFTWARE&tag=KEY_PROJECT"
                + "&submittedFrom=2026-01-01&submittedTo=2099-12-31&county={c}&page=0&size=20",
            COUNTY)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/v1/reports/quarterly?quarter=2026-Q4&county={c}", COUNTY)
        .headers(h -> h.setBearerAuth(TestTokens.operator("14")))
        .exchange()
        .expectStatus()
        .isOk();
  }

  /** The change refused on the county's demand, which keeps its version and its steps. */
  private void assertRefusedWithoutWriting(String method, String suffix, HostileCase hostile) {
    UUID id = target();
    long steps = count("SELECT count(*) FROM project_timeline WHERE project_id = :v", id);
    long events = outboxEvents();
    refused(send(method, "/api/v1/projects/" + id + suffix, hostile.body()), hostile.field());
    assertThat(status(id)).isEqualTo("SUBMITTED");
    assertThat(count("SELECT version::bigint FROM project WHERE id = :v", id)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM project_timeline WHERE project_id = :v", id))
        .isEqualTo(steps);
    assertThat(outboxEvents()).isEqualTo(events);
  }

  private long outboxEvents() {
    return count(
        "SELECT count(*) FROM event_outbox WHERE envelope->'data'->>'county' = :v", COUNTY);
  }

  private WebTestClient.ResponseSpec send(String method, String path, String body) {
    return http.method(org.springframework.http.HttpMethod.valueOf(method))
        .uri(path)
        .headers(h -> h.setBearerAuth(TestTokens.county(COUNTY)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  private WebTestClient.ResponseSpec query(String path, HostileQuery hostile, String token) {
    return http.get()
        .uri(
            builder -> {
              builder.path(path);
              hostile
                  .parameters()
                  .keySet()
                  .forEach(name -> builder.queryParam(name, "{" + name + "}"));
              return builder.build(hostile.parameters());
            })
        .headers(h -> h.setBearerAuth(token))
        .exchange();
  }

  /** 400 problem+json naming the field, and nothing of the service's insides. */
  private static void refused(WebTestClient.ResponseSpec answer, String field) {
    EntityExchangeResult<byte[]> result =
        answer
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .returnResult();
    String text = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
    JsonNode problem = JSON.readTree(text);
    List<String> named = problem.get("errors").findValuesAsString("field");
    if ("body".equals(field)) {
      // A document cut short is refused where the parser stopped: the body or the member it was in.
      assertThat(named).isNotEmpty();
    } else {
      assertThat(named).contains(field);
    }
    assertThat(text).doesNotContain("Exception").doesNotContain("io.huoshui");
  }

  private static String at(JsonNode node, String path) {
    JsonNode found = node;
    for (String step : path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")) {
      found = step.matches("\\d+") ? found.get(Integer.parseInt(step)) : found.get(step);
    }
    return found.asString();
  }
}
