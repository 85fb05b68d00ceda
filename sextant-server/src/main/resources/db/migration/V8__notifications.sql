-- Notifications (rollout transitions to webhooks): how far the outbox has been read for them, and
-- each notification to send, with its attempts and how it ended.

-- The single row of the notifier's reading position in the outbox, moved by compare-and-set in the
-- transaction that queues the deliveries of the events it passed, so that no event is read twice
-- by two replicas and none is skipped after a crash.
CREATE TABLE notification_cursor (
  id            INTEGER NOT NULL,
  last_sequence BIGINT  NOT NULL,
  CONSTRAINT notification_cursor_pk PRIMARY KEY (id),
  CONSTRAINT notification_cursor_single_row CHECK (id = 1)
);
-- It starts at the outbox's end: transitions from before notifications existed are not news.
INSERT INTO notification_cursor (id, last_sequence) SELECT 1, last_sequence FROM event_log_head;

-- One delivery per notifier and outbox event: the unique key refuses a second, whoever queues it.
-- state: pending (due at next_attempt_at), delivered, or dead (its attempts spent: a dead letter).
-- A pending delivery being sent is claimed by moving next_attempt_at past the send's timeout and
-- counting the attempt, by compare-and-set on attempts. body is the notification's generic JSON,
-- which holds no URL and no secret; the notifier's type decides what is sent from it.
CREATE TABLE notification_deliveries (
  id              BIGINT                      NOT NULL,
  notifier        VARCHAR(253)                NOT NULL,
  event_sequence  BIGINT                      NOT NULL,
  rollout_id      VARCHAR(64)                 NOT NULL,
  body            TEXT                        NOT NULL,
  state           VARCHAR(16)                 NOT NULL,
  attempts        INTEGER                     NOT NULL,
  next_attempt_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  last_status     INTEGER,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT notification_deliveries_pk PRIMARY KEY (id),
  CONSTRAINT notification_deliveries_once UNIQUE (notifier, event_sequence),
  CONSTRAINT notification_deliveries_state CHECK (state IN ('pending', 'delivered', 'dead')),
  CONSTRAINT notification_deliveries_attempts CHECK (attempts >= 0)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (state, next_attempt_at);
CREATE INDEX notification_deliveries_by_rollout ON notification_deliveries (rollout_id);
