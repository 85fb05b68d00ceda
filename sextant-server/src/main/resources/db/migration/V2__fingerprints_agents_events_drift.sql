-- Fingerprints, agents, events and drift reports. As in V1, only types and syntax that H2 2.x and
-- PostgreSQL both accept. Environment names are not foreign keys to resources: an environment may
-- report fingerprints before (or without) a declared Environment resource.

-- One row per environment that has fingerprints: which revision is current (moved with a
-- compare-and-set, as resources.current_revision is) and which one is the last known good, the
-- fingerprint under which the environment's last successful deployment ran.
CREATE TABLE fingerprint_heads (
  environment        VARCHAR(253) NOT NULL,
  current_revision   BIGINT       NOT NULL,
  last_known_good    BIGINT,
  last_known_good_at TIMESTAMP(3) WITH TIME ZONE,
  last_known_good_by VARCHAR(255),
  CONSTRAINT fingerprint_heads_pk PRIMARY KEY (environment),
  CONSTRAINT fingerprint_heads_revision_positive CHECK (current_revision >= 1),
  CONSTRAINT fingerprint_heads_last_known_good_recorded
    CHECK (last_known_good IS NULL OR last_known_good BETWEEN 1 AND current_revision),
  CONSTRAINT fingerprint_heads_last_known_good_marked
    CHECK ((last_known_good IS NULL AND last_known_good_at IS NULL AND last_known_good_by IS NULL)
        OR (last_known_good IS NOT NULL AND last_known_good_at IS NOT NULL
            AND last_known_good_by IS NOT NULL))
);

-- Immutable fingerprint revisions, 1, 2, … per environment; a new one only when the digest
-- changes. digest is the whole fingerprint's and the layer digests are its layers', all as the
-- fingerprint states them; document is its canonical JSON. collected_at is when the source
-- collected it, received_at when the server stored it.
CREATE TABLE fingerprints (
  environment         VARCHAR(253)                NOT NULL,
  revision            BIGINT                      NOT NULL,
  digest              VARCHAR(71)                 NOT NULL,
  platform_digest     VARCHAR(71)                 NOT NULL,
  dependencies_digest VARCHAR(71)                 NOT NULL,
  artifacts_digest    VARCHAR(71)                 NOT NULL,
  collected_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  received_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  source              VARCHAR(255)                NOT NULL,
  signer_key_id       VARCHAR(255),
  document            TEXT                        NOT NULL,
  CONSTRAINT fingerprints_pk PRIMARY KEY (environment, revision),
  CONSTRAINT fingerprints_head_fk FOREIGN KEY (environment)
    REFERENCES fingerprint_heads (environment),
  CONSTRAINT fingerprints_revision_positive CHECK (revision >= 1)
);

-- The last known good must be a stored revision. Added here because the two tables refer to each
-- other; like every composite foreign key it is not checked while last_known_good is null.
ALTER TABLE fingerprint_heads ADD CONSTRAINT fingerprint_heads_last_known_good_fk
  FOREIGN KEY (environment, last_known_good) REFERENCES fingerprints (environment, revision);

-- Agents and the public key each one signs its fingerprints with (base64 of the X.509
-- SubjectPublicKeyInfo encoding). A name keeps its key: only an explicit rekey replaces it.
CREATE TABLE agents (
  name          VARCHAR(253)                NOT NULL,
  environment   VARCHAR(253)                NOT NULL,
  public_key    VARCHAR(4096)               NOT NULL,
  key_id        VARCHAR(255)                NOT NULL,
  registered_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  last_seen_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT agents_pk PRIMARY KEY (name)
);

-- The event log's single counter row. An append increments it and keeps it locked until the
-- append commits, so appends are serialised: sequence numbers follow commit order and have no
-- gaps, which an identity column guarantees neither of. The ledger will rely on both.
CREATE TABLE event_log_head (
  id            INT    NOT NULL,
  last_sequence BIGINT NOT NULL,
  CONSTRAINT event_log_head_pk PRIMARY KEY (id),
  CONSTRAINT event_log_head_single_row CHECK (id = 1),
  CONSTRAINT event_log_head_sequence_not_negative CHECK (last_sequence >= 0)
);
INSERT INTO event_log_head (id, last_sequence) VALUES (1, 0);

-- Append-only, ledger-ready events. subject is kind/name (environment/prod-eu, agent/gpu-01);
-- inputs is a canonical JSON object of input names to digests, detail a canonical JSON object.
CREATE TABLE events (
  sequence_number BIGINT                      NOT NULL,
  occurred_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  event_type      VARCHAR(100)                NOT NULL,
  subject         VARCHAR(300)                NOT NULL,
  outcome         VARCHAR(64)                 NOT NULL,
  reason          TEXT,
  inputs          TEXT                        NOT NULL,
  detail          TEXT                        NOT NULL,
  CONSTRAINT events_pk PRIMARY KEY (sequence_number),
  CONSTRAINT events_sequence_positive CHECK (sequence_number >= 1)
);
CREATE INDEX events_by_subject ON events (subject, sequence_number);
CREATE INDEX events_by_type ON events (event_type, sequence_number);

-- Drift reports: what a drift check found for an environment against one baseline (its declared
-- facts, or its last known good fingerprint), and the action taken. Whether drift blocks new
-- deployments is read from the latest report of each kind, so there is no flag to keep in step.
CREATE TABLE drift_reports (
  id              BIGINT GENERATED BY DEFAULT AS IDENTITY,
  environment     VARCHAR(253)                NOT NULL,
  drift_kind      VARCHAR(32)                 NOT NULL,
  checked_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  baseline_digest VARCHAR(71)                 NOT NULL,
  current_digest  VARCHAR(71)                 NOT NULL,
  differences     INT                         NOT NULL,
  action          VARCHAR(32)                 NOT NULL,
  report_digest   VARCHAR(71)                 NOT NULL,
  report          TEXT                        NOT NULL,
  CONSTRAINT drift_reports_pk PRIMARY KEY (id),
  CONSTRAINT drift_reports_kind CHECK (drift_kind IN ('declared', 'last-known-good')),
  CONSTRAINT drift_reports_action
    CHECK (action IN ('none', 'alert', 'block', 'remediate', 'rollback')),
  CONSTRAINT drift_reports_differences CHECK (differences >= 0),
  CONSTRAINT drift_reports_no_action_without_drift CHECK (differences > 0 OR action = 'none')
);
CREATE INDEX drift_reports_by_environment ON drift_reports (environment, drift_kind, id);
