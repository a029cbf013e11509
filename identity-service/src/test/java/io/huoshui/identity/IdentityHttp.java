package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.huoshui.infrastructure.KafkaBroker;
import io.huoshui.testsupport.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service over real HTTP against a real PostgreSQL, with the demo clients of
 * docs/domain.md registered, and a Kafka broker of its own configured as the local run's is
 * (SASL/SCRAM listener, ACL authorizer): whichever broker the other tests share, this one always
 * enforces ACLs.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "huoshui.identity.demo-clients=true",
      "huoshui.identity.bootstrap-operator.client-id=" + IdentityHttp.SHAANXI_OFFICE,
      "huoshui.identity.bootstrap-operator.secret=" + IdentityHttp.SHAANXI_SECRET,
      "huoshui.identity.bootstrap-operator.region=61",
      // A key of the tests' own: a service outside the tests has none unless it is configured.
      "huoshui.secrets.keys.test-1=" + IdentityHttp.SECRET_KEY,
      "huoshui.secrets.current-key=test-1"
    })
@RealInfrastructure(database = "identity")
abstract class IdentityHttp {

  static final String ZHANGZI = "county-140428";
  static final String CHANGZHI_OFFICE = "operator-1404";
  static final String SHANGLUO_OFFICE = "operator-6110";
  static final String SHAANXI_OFFICE = "operator-61";
  static final String SHAANXI_SECRET = "a-deployment-secret-of-its-own-0001";
  static final String JINSHANG = "bank-jinshang-bank";
  static final String SECRET_KEY = "q2V0vC8zY0m8m5pY3Q6n7w9tW1r4u7x0A3d6g9j2M5o=";

  static final KafkaBroker SECURED_KAFKA = startSecuredKafka();

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void securedKafka(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", SECURED_KAFKA::bootstrapServers);
  }

  private static KafkaBroker startSecuredKafka() {
    try {
      Path directory = Files.createTempDirectory(Path.of("target"), "identity-kafka-");
      return KafkaBroker.start(
          directory.resolve("data"),
          KafkaBroker.Listeners.free(),
          directory.resolve("kafka.log"),
          "384m",
          true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String register(String operator, String clientId, String type, String tenant) throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/api/v1/clients",
            operator,
            Map.of(
                "clientId", clientId, "displayName", "测试", "tenantType", type, "tenantId", tenant));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("clientSecret").asString();
  }

  String accessToken(String clientId) {
    HttpResponse<String> response = token(clientId, demoSecret(clientId));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asString();
  }

  HttpResponse<String> token(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build());
  }

  HttpResponse<String> call(String method, String path, String token, Object body) {
    return call(method, path, token, body, null);
  }

  /** A call in the given {@code Accept-Language}, or none when it is null. */
  HttpResponse<String> call(
      String method, String path, String token, Object body, String language) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(
        request
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }

  /** A request with a body as given, byte for byte, for what a JSON library would not write. */
  HttpResponse<String> raw(String method, String path, String token, String type, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    return send(
        request
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  String administratorToken() {
    HttpResponse<String> response = token(SHAANXI_OFFICE, SHAANXI_SECRET);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("access_token").asString();
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"status\":" + status);
  }

  JWSVerifier verifierFor(SignedJWT jwt) throws Exception {
    return new RSASSAVerifier((RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID()));
  }

  JWKSet jwks() throws Exception {
    return JWKSet.parse(send(HttpRequest.newBuilder(uri("/oauth2/jwks")).build()).body());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String demoSecret(String clientId) {
    return clientId + "-local-secret";
  }
}
