package io.huoshui.identity.client;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_client table. */
@Repository
class ApiClientStore {

  /** A client with its secret's hash: only the token endpoint's authentication reads it. */
  record StoredClient(ApiClient client, String secretHash) {}

  private final JdbcClient jdbc;

  ApiClientStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a new client; false when the id is taken. */
  boolean insert(ApiClient client, String secretHash) {
    return jdbc.sql(
                """
                INSERT INTO api_client (client_id, display_name, tenant_type, tenant_id, scopes,
                    secret_hash, enabled, created_at, secret_rotated_at)
                VALUES (:id, :name, :type, :tenant, :scopes, :hash, true, :at, :at)
                ON CONFLICT (client_id) DO NOTHING
                """)
            .param("id", client.clientId())
            .param("name", client.displayName())
            .param("type", client.tenantType().name())
            .param("tenant", client.tenantId())
            .param("scopes", client.scopes().toArray(String[]::new))
            .param("hash", secretHash)
            .param("at", Timestamp.from(client.createdAt()))
            .update()
        == 1;
  }

  Optional<StoredClient> find(String clientId) {
    return jdbc.sql("SELECT * FROM api_client WHERE client_id = :id")
        .param("id", clientId)
        .query(ApiClientStore::storedClient)
        .optional();
  }

  List<ApiClient> findAll() {
    return jdbc
        .sql("SELECT * FROM api_client ORDER BY tenant_type, tenant_id, client_id")
        .query(ApiClientStore::storedClient)
        .list()
        .stream()
        .map(StoredClient::client)
        .toList();
  }

  boolean replaceSecret(String clientId, String secretHash, Instant at) {
    return jdbc.sql(
                "UPDATE api_client SET secret_hash = :hash, secret_rotated_at = :at WHERE client_id = :id AND enabled")
            .param("hash", secretHash)
            .param("at", Timestamp.from(at))
            .param("id", clientId)
            .update()
        == 1;
  }

  boolean addScope(String clientId, String scope) {
    return jdbc.sql(
                """
                UPDATE api_client SET scopes = array_append(scopes, :scope)
                WHERE client_id = :id AND NOT (:scope = ANY (scopes))
                """)
            .param("scope", scope)
            .param("id", clientId)
            .update()
        == 1;
  }

  /** Undoes a registration whose Kafka access could not be granted. */
  void delete(String clientId) {
    jdbc.sql("DELETE FROM api_client WHERE client_id = :id").param("id", clientId).update();
  }

  boolean disable(String clientId, Instant at) {
    return jdbc.sql(
                "UPDATE api_client SET enabled = false, disabled_at = :at WHERE client_id = :id AND enabled")
            .param("at", Timestamp.from(at))
            .param("id", clientId)
            .update()
        == 1;
  }

  private static StoredClient storedClient(ResultSet row, int number) throws SQLException {
    Array scopes = row.getArray("scopes");
    Timestamp disabledAt = row.getTimestamp("disabled_at");
    ApiClient client =
        new ApiClient(
            row.getString("client_id"),
            row.getString("display_name"),
            TenantType.valueOf(row.getString("tenant_type")),
            row.getString("tenant_id"),
            Arrays.asList((String[]) scopes.getArray()),
            row.getBoolean("enabled"),
            row.getTimestamp("created_at").toInstant(),
            row.getTimestamp("secret_rotated_at").toInstant(),
            disabledAt == null ? null : disabledAt.toInstant());
    return new StoredClient(client, row.getString("secret_hash"));
  }
}
