package io.huoshui.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a running PostgreSQL server answers, and how to give each service a database of its own.
 */
public record PostgresEndpoint(String host, int port, String username, String password) {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  /**
   * Creates the database unless it exists. Database per service: every service migrates and owns
   * its own, none reads another's tables.
   */
  public void createDatabaseIfMissing(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection =
        DriverManager.getConnection(jdbcUrl("postgres"), username, password)) {
      boolean exists;
      try (PreparedStatement query =
          connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        query.setString(1, database);
        exists = query.executeQuery().next();
      }
      if (!exists) {
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
      }
    } catch (SQLException e) {
      if (!"42P04".equals(e.getSQLState())) { // another process created it first
        throw new InfrastructureException(
            "Could not create database '%s' on %s:%d".formatted(database, host, port), e);
      }
    }
  }
}
