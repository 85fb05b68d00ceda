-- Access control and approvals (issue 19). As before, only types and syntax that H2 2.x and
-- PostgreSQL both accept.

-- Who calls the API: people and programs, each known by a name that events and approvals record.
CREATE TABLE identities (
  name       VARCHAR(64)                 NOT NULL,
  kind       VARCHAR(32)                 NOT NULL,
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  created_by VARCHAR(255)                NOT NULL,
  CONSTRAINT identities_pk PRIMARY KEY (name),
  CONSTRAINT identities_kind CHECK (kind IN ('user', 'service-account'))
);

-- API tokens: only the sha256 of a token is kept, so the table gives no token away. A revoked
-- token stays, marked, so its id keeps naming it in the events.
CREATE TABLE api_tokens (
  id          VARCHAR(32)                 NOT NULL,
  identity    VARCHAR(64)                 NOT NULL,
  token_hash  VARCHAR(64)                 NOT NULL,
  description VARCHAR(255)                NOT NULL,
  created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  created_by  VARCHAR(255)                NOT NULL,
  expires_at  TIMESTAMP(3) WITH TIME ZONE,
  revoked_at  TIMESTAMP(3) WITH TIME ZONE,
  revoked_by  VARCHAR(255),
  CONSTRAINT api_tokens_pk PRIMARY KEY (id),
  CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
  CONSTRAINT api_tokens_identity_fk FOREIGN KEY (identity) REFERENCES identities (name),
  CONSTRAINT api_tokens_revoked
    CHECK ((revoked_at IS NULL AND revoked_by IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL))
);

-- A role held on the environments a label selector matches; '' is every environment.
CREATE TABLE role_grants (
  identity     VARCHAR(64)                 NOT NULL,
  role         VARCHAR(16)                 NOT NULL,
  environments VARCHAR(1024)               NOT NULL,
  granted_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  granted_by   VARCHAR(255)                NOT NULL,
  CONSTRAINT role_grants_pk PRIMARY KEY (identity, role, environments),
  CONSTRAINT role_grants_identity_fk FOREIGN KEY (identity) REFERENCES identities (name),
  CONSTRAINT role_grants_role CHECK (role IN ('viewer', 'deployer', 'approver', 'admin'))
);

-- Plans submitted for a deployment of one release to one environment, immutable once made: a
-- changed input makes a new plan, with a new digest, which earlier approvals do not cover.
CREATE TABLE plans (
  id               BIGINT                      NOT NULL,
  release_name     VARCHAR(253)                NOT NULL,
  release_revision BIGINT                      NOT NULL,
  environment      VARCHAR(253)                NOT NULL,
  digest           VARCHAR(71)                 NOT NULL,
  verdict          VARCHAR(32)                 NOT NULL,
  requested_by     VARCHAR(64)                 NOT NULL,
  requested_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  document         TEXT                        NOT NULL,
  CONSTRAINT plans_pk PRIMARY KEY (id),
  CONSTRAINT plans_id_positive CHECK (id >= 1)
);

-- Approvals of a plan, each of the digest the approver saw, with the roles they held in the
-- plan's environment then, and until when it counts.
CREATE TABLE approvals (
  plan_id     BIGINT                      NOT NULL,
  approver    VARCHAR(64)                 NOT NULL,
  plan_digest VARCHAR(71)                 NOT NULL,
  roles       VARCHAR(255)                NOT NULL,
  approved_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT approvals_pk PRIMARY KEY (plan_id, approver, plan_digest),
  CONSTRAINT approvals_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id)
);
