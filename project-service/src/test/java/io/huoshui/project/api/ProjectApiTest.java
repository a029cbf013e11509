package io.huoshui.project.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.eventing.EventEnvelope;
import io.huoshui.project.ProjectServiceTest;
import io.huoshui.servicetest.Contracts;
import io.huoshui.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ProjectApiTest extends ProjectServiceTest {

  private static final String ZHANGZI = "140428";

  @Autowired MeterRegistry meters;

  @Test
  void aSubmittedDemandIsStoredExactlyAsSentAnsweredAndAnnounced() {
    double submittedBefore = submittedCount(ZHANGZI);

    WebTestClient.BodyContentSpec created =
        http.post()
            .uri("/api/v1/projects")
            .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
            .bodyValue(toyPlant())
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody();
    URI location = created.returnResult().getResponseHeaders().getLocation();
    assertThat(location.getPath()).matches("/api/v1/projects/[0-9a-f-]{36}");
    UUID id = UUID.fromString(location.getPath().substring("/api/v1/projects/".length()));

    for (WebTestClient.BodyContentSpec body :
        List.of(
            created,
            http.get()
                .uri(location.toString())
                .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody())) {
      body.jsonPath("$.id")
          .isEqualTo(id.toString())
          .jsonPath("$.county")
          .isEqualTo(ZHANGZI)
          .jsonPath("$.status")
          .isEqualTo("SUBMITTED")
          .jsonPath("$.title")
          .isEqualTo("年产110万件玩具项目")
          .jsonPath("$.description")
          .isEqualTo("…")
          .jsonPath("$.enterprise.name")
          .isEqualTo("山西德儒教育装备有限公司")
          .jsonPath("$.enterprise.creditCode")
          .isEqualTo("91140428MA0JX12346")
          .jsonPath("$.enterprise.size")
          .isEqualTo("MEDIUM")
          .jsonPath("$.industry")
          .isEqualTo("INDUSTRY_AND_SOFTWARE")
          .jsonPath("$.purpose")
          .isEqualTo("FIXED_ASSETS")
          .jsonPath("$.totalInvestment")
          .isEqualTo("200000000.00")
          .jsonPath("$.amountRequested")
          .isEqualTo("70000000.00")
          .jsonPath("$.termMonths")
          .isEqualTo(36)
          .jsonPath("$.collateral")
          .isEqualTo(List.of("REAL_ESTATE", "EQUIPMENT"))
          .jsonPath("$.tags")
          .isEqualTo(List.of("KEY_PROJECT"))
          .jsonPath("$.contact.name")
          .isEqualTo("王宇")
          .jsonPath("$.contact.phone")
          .isEqualTo("13800000000")
          .jsonPath("$.funnel.requested")
          .isEqualTo("70000000.00")
          .jsonPath("$.funnel.intended")
          .isEqualTo("0.00")
          .jsonPath("$.version")
          .isEqualTo(1)
          .jsonPath("$.noMatch")
          .doesNotExist();
    }

    EventEnvelope event =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectSubmitted.v1");
    Contracts.assertConforms(event);
    assertThat(event.data().get("projectId").asString()).isEqualTo(id.toString());
    assertThat(event.data().get("county").asString()).isEqualTo(ZHANGZI);
    assertThat(event.data().get("title").asString()).isEqualTo("年产110万件玩具项目");
    assertThat(event.data().get("enterprise").get("name").asString()).isEqualTo("山西德儒教育装备有限公司");
    assertThat(event.data().get("amountRequested").asString()).isEqualTo("70000000.00");
    assertThat(event.data().get("totalInvestment").asString()).isEqualTo("200000000.00");
    assertThat(event.data().get("contact").get("phone").asString()).isEqualTo("13800000000");
    assertThat(event.data().get("version").asInt()).isEqualTo(1);

    http.get()
        .uri(location + "/timeline")
        .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].step")
        .isEqualTo("SUBMITTED")
        .jsonPath("$[0].amount")
        .isEqualTo("70000000.00")
        .jsonPath("$[0].summary")
        .isEqualTo("长子县（140428）提交融资需求，申请 70000000.00 元");

    assertThat(submittedCount(ZHANGZI)).isEqualTo(submittedBefore + 1);
    assertThat(
            meters
                .get("huoshui.demand.amount.requested.cny")
                .tags("county", ZHANGZI, "industry", "INDUSTRY_AND_SOFTWARE")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(70_000_000d);
  }

  @Test
  void textComesBackExactlyAsWrittenToTheLastCharacter() {
    String title = "𠀀𪚥 项目 «引号» \"双引号\" '单引号' \\ 反斜杠 ①";
    String description = "第一行\n第二行\t制表符\r\n😀 emoji 与扩展B区汉字𠮷";
    String name = "长子县𠮷祥农业专业合作社";
    Map<String, Object> demand = toyPlant();
    demand.put("title", title);
    demand.put("description", description);
    enterprise(demand).put("name", name);

    UUID id = submit(ZHANGZI, demand);

    http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(ZHANGZI)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo(title)
        .jsonPath("$.description")
        .isEqualTo(description)
        .jsonPath("$.enterprise.name")
        .isEqualTo(name);
    EventEnvelope event =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectSubmitted.v1");
    assertThat(event.data().get("title").asString()).isEqualTo(title);
    assertThat(event.data().get("description").asString()).isEqualTo(description);
  }

  static List<Arguments> invalidDemands() {
    return List.of(
        invalid("title", d -> d.put("title", " ")),
        invalid("title", d -> d.put("title", "项".repeat(201))),
        invalid("description", d -> d.remove("description")),
        invalid("description", d -> d.put("description", "述".repeat(4001))),
        invalid("enterprise", d -> d.remove("enterprise")),
        invalid("enterprise.name", d -> enterprise(d).put("name", "企".repeat(101))),
        invalid(
            "enterprise.creditCode", d -> enterprise(d).put("creditCode", "91140428MA0JX12347")),
        invalid("enterprise.creditCode", d -> enterprise(d).put("creditCode", "91140428MA0JX1234")),
        invalid(
            "enterprise.creditCode", d -> enterprise(d).put("creditCode", "91140428ma0jx12346")),
        invalid(
            "enterprise.creditCode", d -> enterprise(d).put("creditCode", "9114042OMA0JX12346")),
        invalid("enterprise.size", d -> enterprise(d).put("size", "HUGE")),
        invalid("industry", d -> d.put("industry", "MINING")),
        invalid("purpose", d -> d.remove("purpose")),
        invalid("totalInvestment", d -> d.put("totalInvestment", "0.00")),
        invalid("totalInvestment", d -> d.put("totalInvestment", "200000000.001")),
        invalid("amountRequested", d -> d.remove("amountRequested")),
        invalid("amountRequested", d -> d.put("amountRequested", "-1.00")),
        invalid("amountRequested", d -> d.put("amountRequested", "0")),
        invalid("amountRequested", d -> d.put("amountRequested", "1.005")),
        invalid("amountRequested", d -> d.put("amountRequested", "七千万")),
        invalid("amountRequested", d -> d.put("amountRequested", "200000000.01")),
        invalid(
            "amountRequested",
            d -> {
              d.remove("totalInvestment");
              d.put("amountRequested", "100000000000.01");
            }),
        invalid("termMonths", d -> d.put("termMonths", 0)),
        invalid("termMonths", d -> d.put("termMonths", 361)),
        invalid("termMonths", d -> d.remove("termMonths")),
        invalid("collateral", d -> d.put("collateral", List.of())),
        invalid("collateral", d -> d.put("collateral", List.of("NONE", "EQUITY"))),
        invalid("collateral", d -> d.put("collateral", List.of("EQUITY", "EQUITY"))),
        invalid("collateral[0]", d -> d.put("collateral", List.of("GOLD"))),
        invalid("tags[0]", d -> d.put("tags", List.of("VIP"))),
        invalid("contact.name", d -> contact(d).put("name", "")),
        invalid("contact.phone", d -> contact(d).put("phone", "12345")),
        invalid("contact.phone", d -> contact(d).remove("phone")),
        invalid("amountRequestd", d -> d.put("amountRequestd", "1.00")));
  }

  @Test
  void aRefusedFieldIsWordedInChineseUnlessTheCountyAsksForEnglish() {
    Map<String, Object> demand = toyPlant();
    contact(demand).put("phone", "12345");
    demand.put("termMonths", 361);

    refused(demand, "zh-CN")
        .jsonPath("$.errors[?(@.field == 'contact.phone')].message")
        .isEqualTo("必须是手机号码（13800000000）或固定电话（0355-1234567）")
        .jsonPath("$.errors[?(@.field == 'termMonths')].message")
        .isEqualTo("不得大于 360");
    refused(demand, "en")
        .jsonPath("$.errors[?(@.field == 'contact.phone')].message")
        .isEqualTo("must be a mobile number (13800000000) or a landline (0355-1234567)")
        .jsonPath("$.errors[?(@.field == 'termMonths')].message")
        .isEqualTo("must be at most 360");
  }

  private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec refused(
      Map<String, Object> demand, String language) {
    return http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(TestTokens.county("149991")))
        .header("Accept-Language", language)
        .bodyValue(demand)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody();
  }

  @ParameterizedTest(name = "{0}: {index}")
  @MethodSource("invalidDemands")
  void aWrongFieldIsNamedAndNothingIsWritten(String field, Consumer<Map<String, Object>> breaks) {
    String county = "149990";
    Map<String, Object> demand = toyPlant();
    breaks.accept(demand);

    http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .bodyValue(demand)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[?(@.field == '%s')].message".formatted(field))
        .exists();

    assertThat(projectsOf(county)).isZero();
  }

  @Test
  void aRetryWithTheSameKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
    String county = "149991";
    String key = UUID.randomUUID().toString();
    Map<String, Object> demand = toyPlant();

    URI first =
        post(county, key, demand)
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation();
    post(county, key, demand)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .valueEquals("Location", first.toString())
        .expectHeader()
        .valueEquals("Idempotent-Replayed", "true")
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("年产110万件玩具项目")
        .jsonPath("$.amountRequested")
        .isEqualTo("70000000.00");
    assertThat(projectsOf(county)).isEqualTo(1);

    demand.put("amountRequested", "60000000.00");
    post(county, key, demand)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(projectsOf(county)).isEqualTo(1);
  }

  @Test
  void aWithdrawnDemandSaysWhyIsAnnouncedAndCannotBeWithdrawnOrChangedAgain() {
    String county = "149992";
    UUID id = submit(county, toyPlant());

    withdraw(county, id, Map.of())
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("reason");
    withdraw(county, id, Map.of("reason", "企业已通过自有资金解决"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("WITHDRAWN")
        .jsonPath("$.withdrawal.reason")
        .isEqualTo("企业已通过自有资金解决")
        .jsonPath("$.version")
        .isEqualTo(2);

    EventEnvelope event =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectWithdrawn.v1");
    assertThat(event.data().get("reason").asString()).isEqualTo("企业已通过自有资金解决");
    assertThat(event.data().get("county").asString()).isEqualTo(county);
    assertThat(event.data().get("version").asInt()).isEqualTo(2);
    Contracts.assertConforms(event);

    withdraw(county, id, Map.of("reason", "再次撤回"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PROJECT_NOT_WITHDRAWABLE");
    put(county, id, toyPlant())
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PROJECT_NOT_REVISABLE");
    assertThat(timelineSteps(id, "WITHDRAWN")).isEqualTo(1);
    assertThat(
            meters
                .get("huoshui.demands.withdrawn")
                .tags("county", county, "industry", "INDUSTRY_AND_SOFTWARE")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aChangeBeforeInterestIsAnnouncedAndAChangeAfterInterestIsAConflict() {
    String county = "149993";
    UUID id = submit(county, toyPlant());
    Map<String, Object> revised = toyPlant();
    revised.put("amountRequested", "60000000.00");
    revised.put("termMonths", 60);

    put(county, id, revised)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.amountRequested")
        .isEqualTo("60000000.00")
        .jsonPath("$.funnel.requested")
        .isEqualTo("60000000.00")
        .jsonPath("$.termMonths")
        .isEqualTo(60)
        .jsonPath("$.status")
        .isEqualTo("SUBMITTED")
        .jsonPath("$.version")
        .isEqualTo(2);
    EventEnvelope updated =
        awaitEvent("huoshui.projects", id.toString(), "io.huoshui.project.ProjectUpdated.v1");
    assertThat(updated.data().get("amountRequested").asString()).isEqualTo("60000000.00");
    assertThat(updated.data().get("version").asInt()).isEqualTo(2);
    Contracts.assertConforms(updated);

    revised.put("termMonths", 0);
    put(county, id, revised).expectStatus().isBadRequest();

    publish(
        BANK_RESPONSES,
        "io.huoshui.credit.BankResponded.v1",
        id,
        Map.ofEntries(
            Map.entry("responseId", UUID.randomUUID()),
            Map.entry("matchId", UUID.randomUUID()),
            Map.entry("projectId", id),
            Map.entry("county", county),
            Map.entry("bankCode", "jinshang-bank"),
            Map.entry("productId", UUID.randomUUID()),
            Map.entry("answer", "INTEREST"),
            Map.entry("amount", "60000000.00"),
            Map.entry("respondedAt", "2030-01-01T00:00:00Z"),
            Map.entry(
                "totals",
                Map.of("intended", "60000000.00", "approved", "0.00", "disbursed", "0.00"))));
    awaitStatus(id, "IN_TALKS");

    revised.put("termMonths", 48);
    put(county, id, revised)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PROJECT_NOT_REVISABLE");
  }

  @Test
  void listsArePagedNewestFirstAndFiltered() {
    String county = "149994";
    for (int i = 1; i <= 5; i++) {
      Map<String, Object> demand = toyPlant();
      demand.put("title", "分页项目" + i);
      if (i == 3) {
        demand.put("tags", List.of("GREEN"));
        demand.put("industry", "AGRICULTURE");
      }
      submit(county, demand);
    }
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

    list(county, "page=0&size=2")
        .jsonPath("$.items.length()")
        .isEqualTo(2)
        .jsonPath("$.items[0].title")
        .isEqualTo("分页项目5")
        .jsonPath("$.items[1].title")
        .isEqualTo("分页项目4")
        .jsonPath("$.totalItems")
        .isEqualTo(5)
        .jsonPath("$.totalPages")
        .isEqualTo(3);
    list(county, "page=2&size=2")
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.items[0].title")
        .isEqualTo("分页项目1");
    list(county, "tag=GREEN").jsonPath("$.totalItems").isEqualTo(1);
    list(county, "industry=AGRICULTURE&tag=GREEN&status=SUBMITTED")
        .jsonPath("$.items[0].title")
        .isEqualTo("分页项目3");
    list(county, "status=WITHDRAWN").jsonPath("$.totalItems").isEqualTo(0);
    list(county, "submittedFrom=" + today + "&submittedTo=" + today)
        .jsonPath("$.totalItems")
        .isEqualTo(5);
    list(county, "submittedFrom=" + tomorrow).jsonPath("$.totalItems").isEqualTo(0);

    for (String[] wrong :
        List.of(
            new String[] {"size=101", "size"},
            new String[] {"page=-1", "page"},
            new String[] {"status=LOST", "status"},
            new String[] {"submittedFrom=" + tomorrow + "&submittedTo=" + today, "submittedTo"},
            new String[] {"county=14x", "county"})) {
      http.get()
          .uri("/api/v1/projects?" + wrong[0])
          .headers(h -> h.setBearerAuth(TestTokens.county(county)))
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].field")
          .isEqualTo(wrong[1]);
    }
  }

  @Test
  void aCountySeesOnlyItsOwnDemandsAndAnOperatorOnlyItsRegion() {
    UUID id = submit("149995", toyPlant());
    String neighbour = TestTokens.county("149996");

    for (String path : List.of("/api/v1/projects/" + id, "/api/v1/projects/" + id + "/timeline")) {
      http.get()
          .uri(path)
          .headers(h -> h.setBearerAuth(neighbour))
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
    put("149996", id, toyPlant()).expectStatus().isNotFound();
    withdraw("149996", id, Map.of("reason", "不是我的")).expectStatus().isNotFound();
    list("149996", "county=149995").jsonPath("$.totalItems").isEqualTo(0);
    assertThat(status(id)).isEqualTo("SUBMITTED");

    http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.operator("1499")))
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/v1/projects?county=149995")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1499")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[0].id")
        .isEqualTo(id.toString());
    http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.operator("6110")))
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/v1/projects?county=149995")
        .headers(h -> h.setBearerAuth(TestTokens.operator("6110")))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.totalItems")
        .isEqualTo(0);
  }

  @Test
  void banksHaveNoAccessAndOperatorsCannotSubmit() {
    UUID id = submit("149997", toyPlant());
    String bank = TestTokens.bank("jinshang-bank");
    http.get()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(bank))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(bank))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(bank))
        .bodyValue(toyPlant())
        .exchange()
        .expectStatus()
        .isForbidden();
    http.post()
        .uri("/api/v1/projects")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1499")))
        .bodyValue(toyPlant())
        .exchange()
        .expectStatus()
        .isForbidden();
    http.post()
        .uri("/api/v1/projects/" + id + "/withdraw")
        .headers(h -> h.setBearerAuth(TestTokens.operator("1499")))
        .bodyValue(Map.of("reason", "越权"))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(status(id)).isEqualTo("SUBMITTED");
  }

  private WebTestClient.ResponseSpec post(String county, String key, Map<String, Object> demand) {
    return http.post()
        .uri("/api/v1/projects")
        .headers(
            h -> {
              h.setBearerAuth(TestTokens.county(county));
              h.set("Idempotency-Key", key);
            })
        .bodyValue(demand)
        .exchange();
  }

  private WebTestClient.ResponseSpec put(String county, UUID id, Map<String, Object> demand) {
    return http.put()
        .uri("/api/v1/projects/" + id)
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .bodyValue(demand)
        .exchange();
  }

  private WebTestClient.ResponseSpec withdraw(String county, UUID id, Map<String, Object> body) {
    return http.post()
        .uri("/api/v1/projects/" + id + "/withdraw")
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .bodyValue(body)
        .exchange();
  }

  private WebTestClient.BodyContentSpec list(String county, String query) {
    return http.get()
        .uri("/api/v1/projects?" + query)
        .headers(h -> h.setBearerAuth(TestTokens.county(county)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody();
  }

  private long projectsOf(String county) {
    return count("SELECT count(*) FROM project WHERE county = :v", county);
  }

  private double submittedCount(String county) {
    var counter =
        meters
            .find("huoshui.demands.submitted")
            .tags("county", county, "industry", "INDUSTRY_AND_SOFTWARE")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static Arguments invalid(String field, Consumer<Map<String, Object>> breaks) {
    return Arguments.of(field, breaks);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> enterprise(Map<String, Object> demand) {
    return (Map<String, Object>) demand.get("enterprise");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> contact(Map<String, Object> demand) {
    return (Map<String, Object>) demand.get("contact");
  }
}
