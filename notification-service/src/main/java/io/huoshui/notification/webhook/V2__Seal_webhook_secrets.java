package io.huoshui.notification.webhook;

import io.huoshui.service.secrets.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Seals the signing secrets that earlier versions stored in the clear, each bound to its endpoint:
 * a copy of the database signs nothing. A Java migration, because only the service holds the secret
 * key; Spring Boot hands Flyway every such bean.
 */
@Component
class V2__Seal_webhook_secrets extends BaseJavaMigration {

  private final SecretBox box;

  V2__Seal_webhook_secrets(SecretBox box) {
    this.box = box;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE webhook_endpoint RENAME COLUMN secret TO sealed_secret");
    }
    Map<UUID, String> clear = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, sealed_secret FROM webhook_endpoint")) {
      while (rows.next()) {
        clear.put(rows.getObject(1, UUID.class), rows.getString(2));
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE webhook_endpoint SET sealed_secret = ? WHERE id = ?")) {
      for (Map.Entry<UUID, String> row : clear.entrySet()) {
        if (SecretBox.isSealed(row.getValue())) {
          continue;
        }
        update.setString(1, box.seal(row.getValue(), Endpoints.secretPurpose(row.getKey())));
        update.setObject(2, row.getKey());
        update.executeUpdate();
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COMMENT ON COLUMN webhook_endpoint.sealed_secret IS"
              + " 'the signing secret, sealed with the service''s secret key (SecretBox) for its"
              + " endpoint'");
    }
  }
}
