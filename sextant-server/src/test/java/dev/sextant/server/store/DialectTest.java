package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DialectTest {
  @Test
  void the_dialect_follows_the_jdbc_url() {
    assertThat(Dialect.of("jdbc:h2:file:/var/lib/sextant/sextant")).isEqualTo(Dialect.H2);
    assertThat(Dialect.of("jdbc:postgresql://db:5432/sextant")).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void another_database_is_refused_with_its_password_masked() {
    assertThatThrownBy(() -> Dialect.of("jdbc:mysql://db/sextant?password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql:…)")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void a_duplicate_key_and_each_database_s_lost_races_are_conflicts_and_nothing_else_is() {
    assertThat(Dialect.H2.isConflict(wrapped("23505"))).isTrue();
    assertThat(Dialect.POSTGRESQL.isConflict(wrapped("23505"))).isTrue();
    assertThat(Dialect.H2.isConflict(wrapped("90131"))).isTrue();
    assertThat(Dialect.POSTGRESQL.isConflict(wrapped("40P01"))).isTrue();
    assertThat(Dialect.POSTGRESQL.isConflict(wrapped("90131"))).isFalse();
    assertThat(Dialect.H2.isConflict(wrapped("23514"))).isFalse();
    assertThat(Dialect.H2.isConflict(new RuntimeException("no SQL state"))).isFalse();
  }

  private static RuntimeException wrapped(String sqlState) {
    return new RuntimeException("jdbi", new SQLException("from the driver", sqlState));
  }
}
