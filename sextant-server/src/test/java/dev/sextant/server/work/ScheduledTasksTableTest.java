package dev.sextant.server.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.sextant.server.store.Database;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migrated {@code scheduled_tasks} table holds what db-scheduler writes, on both databases. */
class ScheduledTasksTableTest {
  @RegisterExtension final TestCluster cluster = new TestCluster();

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SchedulerDialect.class)
  void task_data_and_execution_time_read_back_as_db_scheduler_wrote_them(SchedulerDialect db) {
    Database database = cluster.database(db);
    OneTimeTask<String> task = Tasks.oneTime("with-data", String.class).execute((i, c) -> {});
    Scheduler scheduler =
        Scheduler.create(database.dataSource(), task).jdbcCustomization(db.customization()).build();
    Instant due = Instant.parse("2031-02-03T04:05:06.123456Z");

    scheduler.schedule(task.instance("production", "é ✓ data"), due);
    Optional<ScheduledExecution<Object>> read =
        scheduler.getScheduledExecution(TaskInstanceId.of("with-data", "production"));

    assertThat(read).isPresent();
    assertThat(read.get().getData()).isEqualTo("é ✓ data");
    assertThat(read.get().getExecutionTime()).isEqualTo(due.truncatedTo(ChronoUnit.MICROS));
  }
}
