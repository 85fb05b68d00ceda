-- One schema for H2 2.x and PostgreSQL: only types and syntax that both accept.

-- One row per resource: which revision is current. Applies move the pointer with a
-- compare-and-set on current_revision. There is no foreign key from the pointer to revisions
-- because the pointer moves before the new revision is inserted (in the same transaction), and
-- H2 has no deferrable constraints.
CREATE TABLE resources (
  kind             VARCHAR(64)  NOT NULL,
  name             VARCHAR(253) NOT NULL,
  current_revision BIGINT       NOT NULL,
  CONSTRAINT resources_pk PRIMARY KEY (kind, name),
  CONSTRAINT resources_revision_positive CHECK (current_revision >= 1)
);

-- Immutable revisions. document is the canonical JSON of the whole resource and digest its
-- sha256, so reading a revision back gives the same tree and the same digest.
CREATE TABLE revisions (
  kind       VARCHAR(64)              NOT NULL,
  name       VARCHAR(253)             NOT NULL,
  revision   BIGINT                   NOT NULL,
  digest     VARCHAR(71)              NOT NULL,
  author     VARCHAR(255)             NOT NULL,
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  document   TEXT                     NOT NULL,
  CONSTRAINT revisions_pk PRIMARY KEY (kind, name, revision),
  CONSTRAINT revisions_resource_fk FOREIGN KEY (kind, name) REFERENCES resources (kind, name),
  CONSTRAINT revisions_revision_positive CHECK (revision >= 1)
);
