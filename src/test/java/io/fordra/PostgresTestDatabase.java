package io.fordra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh database on the local PostgreSQL (127.0.0.1:5432, trust auth) for one integration test class. */
public final class PostgresTestDatabase {

  private PostgresTestDatabase() {}

  public static void recreate(String name) throws SQLException {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("Not a test database name: " + name);
    }
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
  }
}
