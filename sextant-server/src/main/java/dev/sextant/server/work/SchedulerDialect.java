package dev.sextant.server.work;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import dev.sextant.server.store.Dialect;

/**
 * How db-scheduler claims due work on each database the server runs on. Chosen here rather than
 * detected by db-scheduler, which knows no H2 and would warn about it on every start.
 */
public enum SchedulerDialect {
  /**
   * One statement claims a batch of due executions ({@code UPDATE … FOR UPDATE SKIP LOCKED …
   * RETURNING}), so nodes never contend for the same row.
   */
  POSTGRESQL {
    @Override
    JdbcCustomization customization() {
      return new PostgreSqlJdbcCustomization(false, false);
    }

    @Override
    void poll(SchedulerBuilder builder) {
      PollingStrategyConfig lockAndFetch = PollingStrategyConfig.DEFAULT_SELECT_FOR_UPDATE;
      builder.pollUsingLockAndFetch(
          lockAndFetch.lowerLimitFractionOfThreads, lockAndFetch.upperLimitFractionOfThreads);
    }
  },
  /**
   * db-scheduler's generic path: a node reads due executions, then claims each with a
   * compare-and-set on its version; a claim another node won is skipped.
   */
  H2 {
    @Override
    JdbcCustomization customization() {
      return new DefaultJdbcCustomization(false);
    }

    @Override
    void poll(SchedulerBuilder builder) {
      PollingStrategyConfig fetch = PollingStrategyConfig.DEFAULT_FETCH;
      builder.pollUsingFetch(fetch.lowerLimitFractionOfThreads, fetch.upperLimitFractionOfThreads);
    }
  };

  /** How db-scheduler claims work on the store's database. */
  public static SchedulerDialect of(Dialect dialect) {
    return switch (dialect) {
      case H2 -> H2;
      case POSTGRESQL -> POSTGRESQL;
    };
  }

  // Timestamps are bound as OffsetDateTime: the columns are WITH TIME ZONE on both databases, so
  // neither customization persists in UTC through a calendar.
  abstract JdbcCustomization customization();

  abstract void poll(SchedulerBuilder builder);
}
