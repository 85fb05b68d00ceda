-- Rollouts (issue 20), kept as their inputs and the history of events the rollout machine took:
-- the state is the machine replayed over them, so nothing but events is ever written about a
-- rollout's progress. current_revision is the rollout's version, moved by compare-and-set as
-- every other head is.
CREATE TABLE rollouts (
  id               VARCHAR(64)                 NOT NULL,
  service          VARCHAR(253)                NOT NULL,
  environment      VARCHAR(253)                NOT NULL,
  stable_revision  VARCHAR(253)                NOT NULL,
  canary_revision  VARCHAR(253)                NOT NULL,
  instances        INTEGER                     NOT NULL,
  strategy         TEXT                        NOT NULL,
  current_revision BIGINT                      NOT NULL,
  phase            VARCHAR(32)                 NOT NULL,
  weight           INTEGER                     NOT NULL,
  created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(255)                NOT NULL,
  CONSTRAINT rollouts_pk PRIMARY KEY (id),
  CONSTRAINT rollouts_instances_positive CHECK (instances >= 1),
  CONSTRAINT rollouts_weight_range CHECK (weight BETWEEN 0 AND 100),
  CONSTRAINT rollouts_revision_not_negative CHECK (current_revision >= 0)
);

-- Each event a rollout took, numbered by the version it made: the key refuses a second event for
-- one version, whatever the head says.
CREATE TABLE rollout_events (
  rollout_id  VARCHAR(64)                 NOT NULL,
  version     BIGINT                      NOT NULL,
  event       TEXT                        NOT NULL,
  recorded_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT rollout_events_pk PRIMARY KEY (rollout_id, version),
  CONSTRAINT rollout_events_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id),
  CONSTRAINT rollout_events_version_positive CHECK (version >= 1)
);

-- The commands of each transition, written with it and marked done once carried out: after a
-- crash, those not done are carried out again under the same idempotency key.
CREATE TABLE rollout_commands (
  idempotency_key VARCHAR(255)                NOT NULL,
  rollout_id      VARCHAR(64)                 NOT NULL,
  version         BIGINT                      NOT NULL,
  position        INTEGER                     NOT NULL,
  kind            VARCHAR(64)                 NOT NULL,
  done_at         TIMESTAMP(3) WITH TIME ZONE,
  CONSTRAINT rollout_commands_pk PRIMARY KEY (idempotency_key),
  CONSTRAINT rollout_commands_event_fk FOREIGN KEY (rollout_id, version)
    REFERENCES rollout_events (rollout_id, version)
);
