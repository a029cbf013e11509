package io.huoshui.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.huoshui.service.secrets.SecretBox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signing keys' private parts are sealed at rest: a dump of the table signs nothing. */
class SealedSigningKeysTest extends IdentityHttp {

  @Autowired JdbcClient jdbc;
  @Autowired SecretBox box;
  @Autowired DataSource dataSource;
  @Autowired List<JavaMigration> javaMigrations;

  @Test
  void aDumpOfTheKeyTableHoldsNoPrivateKey() throws Exception {
    call("POST", "/api/v1/signing-keys/rotate", administratorToken(), null);
    List<Map<String, Object>> dump = jdbc.sql("SELECT * FROM signing_key").query().listOfRows();
    assertThat(dump).isNotEmpty();

    for (Map<String, Object> row : dump) {
      String kid = (String) row.get("kid");
      RSAKey key =
          RSAKey.parse(box.open((String) row.get("sealed_private_jwk"), "signing_key:" + kid));
      assertThat(key.isPrivate()).isTrue();
      String text = row.toString();
      assertThat(text)
          .doesNotContain(key.getPrivateExponent().toString())
          .doesNotContain(key.getFirstPrimeFactor().toString())
          .doesNotContain("\"d\"");
      assertThat(RSAKey.parse((String) row.get("jwk")).isPrivate()).isFalse();
    }
  }

  @Test
  void theMigrationSealsKeysStoredInTheClearBefore() throws Exception {
    String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    RSAKey legacy = new RSAKeyGenerator(2048).keyID("legacy-key").generate();
    jdbc.sql(
            "INSERT INTO %s.signing_key (kid, jwk, created_at) VALUES ('legacy-key', :jwk, now())"
                .formatted(schema))
        .param("jwk", legacy.toJSONString())
        .update();

    Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .locations("classpath:db/migration")
        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
        .load()
        .migrate();

    Map<String, Object> row =
        jdbc.sql("SELECT * FROM %s.signing_key".formatted(schema)).query().singleRow();
    assertThat(row.toString()).doesNotContain(legacy.getPrivateExponent().toString());
    assertThat(RSAKey.parse((String) row.get("jwk")).isPrivate()).isFalse();
    assertThat(
            RSAKey.parse(
                box.open((String) row.get("sealed_private_jwk"), "signing_key:legacy-key")))
        .isEqualTo(legacy);
    jdbc.sql("DROP SCHEMA %s CASCADE".formatted(schema)).update();
  }
}
