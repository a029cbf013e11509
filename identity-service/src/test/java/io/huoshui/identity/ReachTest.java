package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who administers whom, at every endpoint: a region's operator reaches the counties and operators
 * of its region only; the banks and the signing keys are the network administrator's.
 */
class ReachTest extends IdentityHttp {

  @Test
  void aRegionsOperatorFindsNoBankAtAnyEndpoint() {
    String shangluo = accessToken(SHANGLUO_OFFICE);

    assertProblem(call("GET", "/api/v1/clients/" + JINSHANG, shangluo, null), 404);
    assertProblem(
        call("POST", "/api/v1/clients/" + JINSHANG + "/rotate-secret", shangluo, null), 404);
    assertProblem(call("POST", "/api/v1/clients/" + JINSHANG + "/disable", shangluo, null), 404);
    assertThat(call("GET", "/api/v1/clients", shangluo, null).body()).doesNotContain(JINSHANG);

    // Nothing happened to the bank: its documented secret still gets a token.
    assertThat(token(JINSHANG, demoSecret(JINSHANG)).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/clients/" + JINSHANG, administratorToken(), null).body())
        .contains("\"enabled\":true");
  }

  @Test
  void aRegionsOperatorCannotRotateTheSigningKeyWhichTheAdministratorCan() throws Exception {
    String before = signingKeyId();

    assertProblem(
        call("POST", "/api/v1/signing-keys/rotate", accessToken(SHANGLUO_OFFICE), null), 404);
    assertThat(signingKeyId()).isEqualTo(before);

    HttpResponse<String> rotated =
        call("POST", "/api/v1/signing-keys/rotate", administratorToken(), null);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    assertThat(json.readTree(rotated.body()).get("signingKeyId").asString()).isNotEqualTo(before);
  }

  @Test
  void theAdministratorReadsRotatesAndDisablesABanksClient() throws Exception {
    String administrator = administratorToken();
    String bank = "bank-" + UUID.randomUUID().toString().substring(0, 8);
    String first = register(administrator, bank, "BANK", "reach-bank");

    assertThat(call("GET", "/api/v1/clients/" + bank, administrator, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> rotated =
        call("POST", "/api/v1/clients/" + bank + "/rotate-secret", administrator, null);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    assertThat(token(bank, first).statusCode()).isEqualTo(401);
    HttpResponse<String> disabled =
        call("POST", "/api/v1/clients/" + bank + "/disable", administrator, null);
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/clients", administrator, null).body())
        .contains(bank, JINSHANG, ZHANGZI, "county-611021");
  }

  @Test
  void aRegionsOperatorRegistersNoBankAndMakesNoAdministrator() throws Exception {
    String shangluo = accessToken(SHANGLUO_OFFICE);
    String bank = "bank-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> refused =
        call(
            "POST",
            "/api/v1/clients",
            shangluo,
            Map.of(
                "clientId", bank,
                "displayName", "商洛某银行",
                "tenantType", "BANK",
                "tenantId", "shangluo-bank"));
    assertProblem(refused, 400);
    assertThat(json.readTree(refused.body()).at("/errors/0/field").asString())
        .isEqualTo("tenantId");

    String operator = "operator-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> escalation =
        call(
            "POST",
            "/api/v1/clients",
            shangluo,
            Map.of(
                "clientId", operator,
                "displayName", "洛南县金融办",
                "tenantType", "OPERATOR",
                "tenantId", "611021",
                "scopes", List.of("clients:admin", "network:admin")));
    assertProblem(escalation, 400);
    assertThat(json.readTree(escalation.body()).at("/errors/0/field").asString())
        .isEqualTo("scopes");

    String administrator = administratorToken();
    assertThat(call("GET", "/api/v1/clients/" + bank, administrator, null).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/api/v1/clients/" + operator, administrator, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRegionsOperatorAdministersTheCountiesOfItsRegion() throws Exception {
    String shangluo = accessToken(SHANGLUO_OFFICE);
    String county = "county-" + UUID.randomUUID().toString().substring(0, 8);
    register(shangluo, county, "COUNTY", "611022");

    assertThat(call("GET", "/api/v1/clients/" + county, shangluo, null).statusCode())
        .isEqualTo(200);
    assertThat(
            call("POST", "/api/v1/clients/" + county + "/rotate-secret", shangluo, null)
                .statusCode())
        .isEqualTo(200);
    assertProblem(
        call("POST", "/api/v1/clients/" + county + "/disable", accessToken(CHANGZHI_OFFICE), null),
        404);
    assertThat(call("POST", "/api/v1/clients/" + county + "/disable", shangluo, null).statusCode())
        .isEqualTo(200);
  }

  private String signingKeyId() throws Exception {
    return com.nimbusds.jwt.SignedJWT.parse(accessToken(ZHANGZI)).getHeader().getKeyID();
  }
}
