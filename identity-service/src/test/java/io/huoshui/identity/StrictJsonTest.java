package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A registration means exactly what it says or is refused with a 400 naming the field, and nothing
 * is registered; the HTTP layer's own refusals are problem+json too.
 */
class StrictJsonTest extends IdentityHttp {

  @Test
  void whatJsonDoesNotMeanIsRefusedNamingTheFieldAndNothingIsWritten() {
    String operator = accessToken(SHANGLUO_OFFICE);
    String[][] cases = {
      {
        "enabled",
        "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\","
            + "\"enabled\":false"
      },
      {"displayName", "\"displayName\":12345,\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\""},
      {"displayName", "\"displayName\":true,\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\""},
      {"tenantId", "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":611021"},
      {"tenantType", "\"displayName\":\"洛南\",\"tenantType\":0,\"tenantId\":\"611021\""},
      {"tenantType", "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY \",\"tenantId\":\"611021\""},
      {"tenantType", "\"displayName\":\"洛南\",\"tenantType\":\"county\",\"tenantId\":\"611021\""},
      {"tenantType", "\"displayName\":\"洛南\",\"tenantType\":\"\",\"tenantId\":\"611021\""},
      {
        "tenantId",
        "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\","
            + "\"tenantId\":\"611024\""
      },
      {
        "scopes",
        "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\","
            + "\"scopes\":\"projects:read\""
      },
      {
        "scopes[0]",
        "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\","
            + "\"scopes\":[1]"
      },
      {
        "displayName",
        "\"displayName\":\"洛\\u0000南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\""
      },
      {
        "displayName",
        "\"displayName\":\"洛\\u001b南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\""
      },
      {
        "displayName",
        "\"displayName\":\"洛\\ud800南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"611021\""
      },
      {
        "tenantId",
        "\"displayName\":\"洛南\",\"tenantType\":\"COUNTY\",\"tenantId\":\"61102\\u00001\""
      },
    };
    for (String[] refused : cases) {
      String clientId = "county-" + UUID.randomUUID().toString().substring(0, 8);
      String body = "{\"clientId\":\"" + clientId + "\"," + refused[1] + "}";

      HttpResponse<String> response =
          raw("POST", "/api/v1/clients", operator, "application/json", body);

      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertProblem(response, 400);
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.at("/errors/0/field").asString()).as(body).isEqualTo(refused[0]);
      assertThat(problem.get("title").asString()).startsWith("请求无效");
      assertThat(call("GET", "/api/v1/clients/" + clientId, operator, null).statusCode())
          .as(body)
          .isEqualTo(404);
    }
  }

  @Test
  void hostileButValidNamesAreStoredExactly() throws Exception {
    String operator = accessToken(SHANGLUO_OFFICE);
    String clientId = "county-" + UUID.randomUUID().toString().substring(0, 8);
    String name = "洛南'; DROP TABLE api_client;-- <b>县</b> \u200f𠀋🏦";
    String body =
        json.writeValueAsString(
            java.util.Map.of(
                "clientId",
                clientId,
                "displayName",
                name,
                "tenantType",
                "COUNTY",
                "tenantId",
                "611021"));

    HttpResponse<String> created =
        raw("POST", "/api/v1/clients", operator, "application/json", body);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> read = call("GET", "/api/v1/clients/" + clientId, operator, null);
    assertThat(json.readTree(read.body()).get("displayName").asString()).isEqualTo(name);
  }

  @Test
  void theHttpLayersOwnRefusalsAreProblems() {
    String operator = accessToken(SHANGLUO_OFFICE);

    assertProblem(raw("TRACE", "/api/v1/clients", operator, null, null), 405);
    assertProblem(raw("TRACE", "/oauth2/token", null, null, null), 405);
    assertProblem(raw("PUT", "/api/v1/clients", operator, "application/json", "{}"), 405);
    assertProblem(raw("POST", "/api/v1/clients", operator, "text/plain", "hello"), 415);
    assertProblem(raw("POST", "/api/v1/clients", operator, "application/json", "{"), 400);
    assertProblem(raw("POST", "/api/v1/clients", operator, "application/json", null), 400);
    assertProblem(
        raw(
            "GET",
            "/api/v1/clients/" + "a".repeat(RefusedRequests.MAX_TARGET),
            operator,
            null,
            null),
        414);
    assertProblem(raw("GET", "/api/v1/clients/..;/clients", operator, null, null), 400);
  }
}
