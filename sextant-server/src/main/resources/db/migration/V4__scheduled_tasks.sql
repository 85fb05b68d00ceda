-- db-scheduler's table: due work (drift checks, timers, measurements) is claimed here, so several
-- replicas on one database never run the same execution at once. The columns and indexes are
-- db-scheduler 16.x's own (postgresql_tables.sql), in types that H2 2.x and PostgreSQL both accept:
-- VARCHAR instead of TEXT, because H2 reads TEXT as a CLOB, which cannot be in a primary key;
-- BYTEA, which H2 takes as BINARY VARYING, for the task data that db-scheduler binds with
-- setObject(byte[]) and reads with getBytes on either database. db-scheduler truncates picked_by to
-- 50 characters. Timestamps are WITH TIME ZONE because it binds them as OffsetDateTime in UTC.
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100)             NOT NULL,
  task_instance        VARCHAR(255)             NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN                  NOT NULL,
  picked_by            VARCHAR(50),
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT                   NOT NULL,
  priority             SMALLINT,
  CONSTRAINT scheduled_tasks_pk PRIMARY KEY (task_name, task_instance)
);

-- Due executions are found by execution time (or by priority first, when priority is on), and
-- dead ones by a heartbeat older than the limit.
CREATE INDEX scheduled_tasks_by_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_by_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_by_priority_execution_time
  ON scheduled_tasks (priority DESC, execution_time ASC);
