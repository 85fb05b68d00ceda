package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {
  @Test
  void the_test_server_is_postgresql_17() throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(EmbeddedPostgresServer.newDatabase())) {
      assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("17.");
    }
  }
}
