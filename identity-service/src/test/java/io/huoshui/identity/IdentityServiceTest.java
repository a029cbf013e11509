package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tokens, clients and signing keys. */
class IdentityServiceTest extends IdentityHttp {

  @Test
  void aCountyGetsASignedTokenThatNamesItsTenantAndScopes() throws Exception {
    HttpResponse<String> response = token(ZHANGZI, demoSecret(ZHANGZI));
    assertThat(response.statusCode()).isEqualTo(200);

    JsonNode body = json.readTree(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isBetween(890, 900);
    SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
    assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant_type")).isEqualTo("COUNTY");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("tenant_id")).isEqualTo("140428");
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(ZHANGZI);
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:9000");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).contains("projects:write");
    assertThat(jwt.verify(verifierFor(jwt))).isTrue();
  }

  @Test
  void theConfiguredBootstrapOperatorAdministersTheNetwork() throws Exception {
    HttpResponse<String> response = token(SHAANXI_OFFICE, SHAANXI_SECRET);
    assertThat(response.statusCode()).isEqualTo(200);
    String operator = json.readTree(response.body()).get("access_token").asString();

    // It is the network's administrator: every region's clients and the banks are its.
    String listed = call("GET", "/api/v1/clients", operator, null).body();
    assertThat(listed).contains("county-611021", "operator-6110", ZHANGZI, JINSHANG);
  }

  @Test
  void aWrongSecretGetsNoToken() {
    assertThat(token(ZHANGZI, "guessed").statusCode()).isEqualTo(401);
    assertThat(token("county-999999", "anything").statusCode()).isEqualTo(401);
  }

  @Test
  void anOperatorRegistersAClientWhoseSecretIsShownOnceAndWorks() throws Exception {
    String operator = accessToken(CHANGZHI_OFFICE);
    String clientId = "county-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/clients",
            operator,
            Map.of(
                "clientId", clientId,
                "displayName", "潞城区",
                "tenantType", "COUNTY",
                "tenantId", "140406"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/clients/" + clientId);
    String secret = json.readTree(created.body()).get("clientSecret").asString();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

    HttpResponse<String> read = call("GET", "/api/v1/clients/" + clientId, operator, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("潞城区").doesNotContain(secret).doesNotContain("secret\"");
    assertThat(token(clientId, secret).statusCode()).isEqualTo(200);
  }

  @Test
  void rotatingASecretInvalidatesTheOldOne() throws Exception {
    String operator = administratorToken();
    String clientId = "bank-" + UUID.randomUUID().toString().substring(0, 8);
    String first = register(operator, clientId, "BANK", "test-bank");

    HttpResponse<String> rotated =
        call("POST", "/api/v1/clients/" + clientId + "/rotate-secret", operator, null);
    assertThat(rotated.statusCode()).isEqualTo(200);
    String second = json.readTree(rotated.body()).get("clientSecret").asString();

    assertThat(second).isNotEqualTo(first);
    assertThat(token(clientId, first).statusCode()).isEqualTo(401);
    assertThat(token(clientId, second).statusCode()).isEqualTo(200);
  }

  @Test
  void aDisabledClientGetsNoToken() throws Exception {
    String operator = administratorToken();
    String clientId = "bank-" + UUID.randomUUID().toString().substring(0, 8);
    String secret = register(operator, clientId, "BANK", "closing-bank");

    HttpResponse<String> disabled =
        call("POST", "/api/v1/clients/" + clientId + "/disable", operator, null);
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(json.readTree(disabled.body()).get("enabled").asBoolean()).isFalse();
    assertThat(token(clientId, secret).statusCode()).isEqualTo(401);
  }

  @Test
  void theOperatorApiAnswersProblemsToOthers() throws Exception {
    HttpResponse<String> anonymous = call("GET", "/api/v1/clients", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

    HttpResponse<String> county = call("GET", "/api/v1/clients", accessToken(ZHANGZI), null);
    assertThat(county.statusCode()).isEqualTo(403);
    assertThat(json.readTree(county.body()).get("status").asInt()).isEqualTo(403);

    String tampered = accessToken(ZHANGZI).replaceFirst("\\.[^.]+\\.", ".e30.");
    assertThat(call("GET", "/api/v1/clients", tampered, null).statusCode()).isEqualTo(401);
  }

  @Test
  void anOperatorSeesOnlyItsRegion() throws Exception {
    String shangluo = accessToken(SHANGLUO_OFFICE);

    assertThat(call("GET", "/api/v1/clients/" + ZHANGZI, shangluo, null).statusCode())
        .isEqualTo(404);
    String listed = call("GET", "/api/v1/clients", shangluo, null).body();
    assertThat(listed)
        .contains("county-611021", "county-611024")
        .doesNotContain(ZHANGZI)
        .doesNotContain(JINSHANG);

    HttpResponse<String> foreign =
        call(
            "POST",
            "/api/v1/clients",
            shangluo,
            Map.of(
                "clientId", "county-x" + UUID.randomUUID().toString().substring(0, 6),
                "displayName", "屯留区",
                "tenantType", "COUNTY",
                "tenantId", "140405"));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(json.readTree(foreign.body()).at("/errors/0/field").asString())
        .isEqualTo("tenantId");
  }

  @Test
  void aBadRegistrationNamesTheField() throws Exception {
    HttpResponse<String> bad =
        call(
            "POST",
            "/api/v1/clients",
            accessToken(CHANGZHI_OFFICE),
            Map.of(
                "clientId", "county-bad-" + UUID.randomUUID().toString().substring(0, 6),
                "displayName", "长子县",
                "tenantType", "COUNTY",
                "tenantId", "1404-28"));
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problem = json.readTree(bad.body());
    assertThat(problem.at("/errors/0/field").asString()).isEqualTo("tenantId");
    assertThat(problem.get("detail").asString()).contains("\\d{6}");
  }

  @Test
  void aKeyRotationKeepsTokensSignedWithThePreviousKeyValid() throws Exception {
    String operator = administratorToken();
    String before = SignedJWT.parse(operator).getHeader().getKeyID();

    HttpResponse<String> rotated = call("POST", "/api/v1/signing-keys/rotate", operator, null);
    assertThat(rotated.statusCode()).isEqualTo(200);
    String after = SignedJWT.parse(accessToken(CHANGZHI_OFFICE)).getHeader().getKeyID();

    assertThat(after).isNotEqualTo(before);
    JWKSet published = jwks();
    assertThat(published.getKeyByKeyId(before)).isNotNull();
    assertThat(published.getKeyByKeyId(after)).isNotNull();
    assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    assertThat(call("GET", "/api/v1/clients", operator, null).statusCode()).isEqualTo(200);
  }
}
