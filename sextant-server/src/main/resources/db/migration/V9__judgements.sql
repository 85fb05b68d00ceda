-- What a judge weighs: a judged metric is measured on the baseline as well as on the canary.
ALTER TABLE rollout_measurements ADD COLUMN track VARCHAR(16) DEFAULT 'canary' NOT NULL;

-- The canary judge's results: a score, its verdict, and each metric's classification (JSON).
CREATE TABLE rollout_judgements (
  rollout_id VARCHAR(64)                 NOT NULL,
  position   BIGINT                      NOT NULL,
  analysis   VARCHAR(64)                 NOT NULL,
  judged_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  score      DOUBLE PRECISION            NOT NULL,
  verdict    VARCHAR(16)                 NOT NULL,
  summary    VARCHAR(1000)               NOT NULL,
  metrics    TEXT                        NOT NULL,
  CONSTRAINT rollout_judgements_pk PRIMARY KEY (rollout_id, position),
  CONSTRAINT rollout_judgements_rollout_fk FOREIGN KEY (rollout_id) REFERENCES rollouts (id)
);
