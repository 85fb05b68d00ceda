-- Deployments (issue 20): what a rollout deploys, the lock that lets one rollout at a time change a
-- service in an environment, the good and bad marks a finished rollout leaves on the revisions it
-- ran, and every measurement its analyses took.

-- The release a rollout deploys and the plan that allowed it (none for an undo).
CREATE TABLE deployments (
  rollout_id       VARCHAR(64)  NOT NULL,
  release_name     VARCHAR(253) NOT NULL,
  release_revision BIGINT       NOT NULL,
  variant          VARCHAR(253) NOT NULL,
  plan_name        VARCHAR(64),
  CONSTRAINT deployments_pk PRIMARY KEY (rollout_id),
  CONSTRAINT deployments_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id)
);

-- Held from a rollout's start to its terminal move, in those transactions: the key refuses a
-- second rollout of the service in the environment while one runs.
CREATE TABLE rollout_locks (
  environment VARCHAR(253) NOT NULL,
  service     VARCHAR(253) NOT NULL,
  rollout_id  VARCHAR(64)  NOT NULL,
  CONSTRAINT rollout_locks_pk PRIMARY KEY (environment, service),
  CONSTRAINT rollout_locks_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id)
);

-- A revision a rollout ran, marked good when it completed and bad when it failed; the last mark
-- of a revision in an environment is the one that counts.
CREATE TABLE revision_marks (
  environment VARCHAR(253)                NOT NULL,
  service     VARCHAR(253)                NOT NULL,
  revision    VARCHAR(253)                NOT NULL,
  mark        VARCHAR(8)                  NOT NULL,
  rollout_id  VARCHAR(64)                 NOT NULL,
  marked_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT revision_marks_pk PRIMARY KEY (environment, service, revision),
  CONSTRAINT revision_marks_mark CHECK (mark IN ('good', 'bad')),
  CONSTRAINT revision_marks_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id)
);

-- Each measurement of a rollout's analyses, as taken: the value (none when there was no data or
-- the provider failed), the metric's verdict on it and why.
CREATE TABLE rollout_measurements (
  rollout_id  VARCHAR(64)                 NOT NULL,
  position    BIGINT                      NOT NULL,
  analysis    VARCHAR(64)                 NOT NULL,
  metric      VARCHAR(253)                NOT NULL,
  measured_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  measurement DOUBLE PRECISION,
  verdict     VARCHAR(16)                 NOT NULL,
  message     VARCHAR(1000),
  CONSTRAINT rollout_measurements_pk PRIMARY KEY (rollout_id, position),
  CONSTRAINT rollout_measurements_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id)
);
