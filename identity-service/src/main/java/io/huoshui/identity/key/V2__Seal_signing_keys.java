package io.huoshui.identity.key;

import com.nimbusds.jose.jwk.RSAKey;
import io.huoshui.service.secrets.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Seals the private parts of the signing keys that earlier versions stored in the clear: the {@code
 * jwk} column keeps only the public key, the whole key goes sealed to {@code sealed_private_jwk}. A
 * Java migration, because only the service holds the secret key; Spring Boot hands Flyway every
 * such bean.
 */
@Component
class V2__Seal_signing_keys extends BaseJavaMigration {

  private final SecretBox box;

  V2__Seal_signing_keys(SecretBox box) {
    this.box = box;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE signing_key ADD COLUMN sealed_private_jwk text");
    }
    Map<String, String> clear = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT kid, jwk FROM signing_key")) {
      while (rows.next()) {
        clear.put(rows.getString(1), rows.getString(2));
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE signing_key SET jwk = ?, sealed_private_jwk = ? WHERE kid = ?")) {
      for (Map.Entry<String, String> row : clear.entrySet()) {
        RSAKey key = SigningKeys.parse(row.getValue());
        update.setString(1, key.toPublicJWK().toJSONString());
        update.setString(2, box.seal(key.toJSONString(), SigningKeys.purpose(row.getKey())));
        update.setString(3, row.getKey());
        update.executeUpdate();
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE signing_key ALTER COLUMN sealed_private_jwk SET NOT NULL");
      statement.execute(
          "COMMENT ON COLUMN signing_key.jwk IS 'the public key only, as published in the JWKS'");
      statement.execute(
          "COMMENT ON COLUMN signing_key.sealed_private_jwk IS"
              + " 'the whole key, sealed with the service''s secret key (SecretBox)'");
    }
  }
}
