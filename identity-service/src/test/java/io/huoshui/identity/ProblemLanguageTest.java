package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each problem in one language: Chinese unless the request asks for English. */
class ProblemLanguageTest extends IdentityHttp {

  private HttpResponse<String> registerCounty(String clientId, String tenantId, String language) {
    return call(
        "POST",
        "/api/v1/clients",
        accessToken(CHANGZHI_OFFICE),
        Map.of(
            "clientId",
            clientId,
            "displayName",
            "长子县",
            "tenantType",
            "COUNTY",
            "tenantId",
            tenantId),
        language);
  }

  private JsonNode problem(HttpResponse<String> response, int status) {
    assertProblem(response, status);
    return json.readTree(response.body());
  }

  @Test
  void aRefusedRegistrationIsWordedInChineseByDefaultAndInEnglishOnRequest() {
    String clientId = "county-lang-" + UUID.randomUUID().toString().substring(0, 6);

    JsonNode chinese = problem(registerCounty(clientId, "1404-28", null), 400);
    assertThat(chinese.get("title").asString()).isEqualTo("请求无效");
    assertThat(chinese.at("/errors/0/field").asString()).isEqualTo("tenantId");
    assertThat(chinese.at("/errors/0/message").asString())
        .isEqualTo("COUNTY 租户标识须符合 \\d{6}")
        .isEqualTo(chinese.get("detail").asString());

    JsonNode english = problem(registerCounty(clientId, "1404-28", "en-GB,en;q=0.9"), 400);
    assertThat(english.get("title").asString()).isEqualTo("Invalid request");
    assertThat(english.at("/errors/0/message").asString())
        .isEqualTo("a COUNTY tenant id must match \\d{6}");
  }

  @Test
  void aClientIdTakenAlreadyIsAConflictInTheCallersLanguage() {
    String clientId = "county-twice-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(registerCounty(clientId, "140428", null).statusCode()).isEqualTo(201);

    JsonNode chinese = problem(registerCounty(clientId, "140428", "zh-CN"), 409);
    assertThat(chinese.get("title").asString()).isEqualTo("与现有状态冲突");
    assertThat(chinese.get("detail").asString()).isEqualTo("已有使用此标识的客户端");
    assertThat(chinese.at("/errors/0/field").asString()).isEqualTo("clientId");

    JsonNode english = problem(registerCounty(clientId, "140428", "en"), 409);
    assertThat(english.get("title").asString()).isEqualTo("Conflict");
    assertThat(english.get("detail").asString()).isEqualTo("a client with this id exists already");
  }

  @Test
  void aCalendarYearRefusedIsWordedByTheMemberAtFault() {
    HttpResponse<String> refused =
        call(
            "PUT",
            "/api/v1/calendar/years/2027",
            administratorToken(),
            Map.of(
                "year",
                2027,
                "holidays",
                List.of(),
                "makeUpWorkingDays",
                List.of("2027-03-03"),
                "source",
                Map.of(
                    "title", "通知",
                    "number", "1",
                    "published", "2026-11-01",
                    "url", "https://example.org/notice")),
            "en");

    JsonNode english = problem(refused, 400);
    assertThat(english.at("/errors/0/field").asString()).isEqualTo("makeUpWorkingDays[0]");
    assertThat(english.at("/errors/0/message").asString())
        .isEqualTo("must be a weekend day of the year, listed once and not a holiday");
  }

  @Test
  void theSecurityChainsRefusalIsInTheCallersLanguage() {
    JsonNode chinese = problem(call("GET", "/api/v1/clients", null, null), 401);
    assertThat(chinese.get("title").asString()).isEqualTo("需要认证");

    JsonNode english = problem(call("GET", "/api/v1/clients", null, null, "en"), 401);
    assertThat(english.get("title").asString()).isEqualTo("Authentication required");
  }
}
