package io.huoshui.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.huoshui.notification.NotificationServiceTest;
import io.huoshui.service.secrets.SecretBox;
import io.huoshui.testsupport.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;

/** A copy of the database signs nothing: the signing secrets are sealed wherever they are kept. */
class SecretsAtRestTest extends NotificationServiceTest {

  @Autowired DatabaseClient database;
  @Autowired Environment environment;
  @Autowired SecretBox box;
  @Autowired EndpointStore store;
  @Autowired TransactionalOperator transaction;

  @Test
  void noTableHoldsASigningSecretInTheClearNotEvenTheAnswerKeptForARetry() {
    String token = TestTokens.county(freshCounty());
    String key = UUID.randomUUID().toString();
    JsonNode first = register(token, key);
    JsonNode retried = register(token, key);
    String secret = first.get("secret").asString();
    assertThat(secret).startsWith("whsec_");
    assertThat(retried.get("secret").asString()).isEqualTo(secret);

    List<String> tables =
        database
            .sql(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            .map(row -> row.get(0, String.class))
            .all()
            .collectList()
            .block();
    assertThat(tables).contains("webhook_endpoint", "idempotent_request");
    for (String table : tables) {
      // Every column of every row as text: what a dump of the table would show.
      Long holding =
          database
              .sql(
                  "SELECT count(*) FROM \"%s\" r WHERE strpos(CAST(r AS text), :secret) > 0"
                      .formatted(table))
              .bind("secret", secret)
              .map(row -> row.get(0, Long.class))
              .one()
              .block();
      assertThat(holding).as(table).isZero();
    }
    String sealed =
        database
            .sql("SELECT sealed_secret FROM webhook_endpoint WHERE id = :id")
            .bind("id", UUID.fromString(first.get("id").asString()))
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    assertThat(SecretBox.isSealed(sealed)).isTrue();
  }

  @Test
  void theMigrationSealsTheSecretsEarlierVersionsStoredInTheClear() throws Exception {
    String url = environment.getProperty("spring.flyway.url");
    String user = environment.getProperty("spring.flyway.user");
    String password = environment.getProperty("spring.flyway.password");
    String schema = "seal_" + UUID.randomUUID().toString().replace("-", "");
    UUID endpoint = UUID.randomUUID();
    String secret = Signatures.newSecret();
    Flyway.configure().dataSource(url, user, password).schemas(schema).target("1").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + schema
                  + ".webhook_endpoint (id, tenant_type, tenant_id, url, secret, language,"
                  + " created_at) VALUES (?, 'COUNTY', '140428', 'https://portal.example.cn/hook',"
                  + " ?, 'ZH_CN', now())")) {
        insert.setObject(1, endpoint);
        insert.setString(2, secret);
        insert.executeUpdate();
      }

      Flyway.configure()
          .dataSource(url, user, password)
          .schemas(schema)
          .javaMigrations(new V2__Seal_webhook_secrets(box))
          .load()
          .migrate();

      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT id, sealed_secret FROM " + schema + ".webhook_endpoint")) {
        assertThat(rows.next()).isTrue();
        String sealed = rows.getString(2);
        assertThat(sealed).doesNotContain(secret);
        assertThat(box.open(sealed, Endpoints.secretPurpose(endpoint))).isEqualTo(secret);
      } finally {
        try (Statement statement = connection.createStatement()) {
          statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  @Test
  void aRotatedKeySealsEverySecretAnewAndTheOldKeyCanGo() {
    byte[] current =
        Base64.getDecoder().decode(environment.getProperty("huoshui.secrets.keys.test-1"));
    byte[] old = Base64.getDecoder().decode(SecretBox.newKey());
    SecretBox before = SecretBox.of(Map.of("test-0", old), "test-0");
    SecretBox rotated = SecretBox.of(Map.of("test-0", old, "test-1", current), "test-1");
    UUID endpoint = UUID.randomUUID();
    String secret = Signatures.newSecret();
    database
        .sql(
            "INSERT INTO webhook_endpoint (id, tenant_type, tenant_id, url, sealed_secret,"
                + " language, created_at, deleted_at)"
                + " VALUES (:id, 'COUNTY', '140499', 'https://portal.example.cn/hook', :sealed,"
                + " 'ZH_CN', now(), now())")
        .bind("id", endpoint)
        .bind("sealed", before.seal(secret, Endpoints.secretPurpose(endpoint)))
        .then()
        .block();

    Long sealedAnew =
        new Endpoints(store, transaction, clock, rotated).resealUnderCurrentKey().block();

    // Only this test seals under test-0; every other endpoint is current already.
    assertThat(sealedAnew).as("endpoints sealed anew").isEqualTo(1);
    String sealed =
        database
            .sql("SELECT sealed_secret FROM webhook_endpoint WHERE id = :id")
            .bind("id", endpoint)
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    // The service's own box, which has no old key, opens it now.
    assertThat(box.open(sealed, Endpoints.secretPurpose(endpoint))).isEqualTo(secret);
  }

  private JsonNode register(String token, String key) {
    return json.readTree(
        http.post()
            .uri("/api/v1/webhooks")
            .headers(h -> h.setBearerAuth(token))
            .header("Idempotency-Key", key)
            .bodyValue(Map.of("url", "https://" + TestNames.PORTAL + "/hook"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
  }
}
