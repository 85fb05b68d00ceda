-- The trust store: public keys whose signatures policies believe (signed resources, fingerprints,
-- provenance envelopes). A key is never deleted: a revoked one stays listed, so that what a past
-- plan trusted can still be told.
CREATE TABLE trusted_keys (
  key_id     CHAR(64)                    NOT NULL,
  name       VARCHAR(255)                NOT NULL,
  algorithm  VARCHAR(16)                 NOT NULL,
  public_key VARCHAR(1000)               NOT NULL,
  added_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  added_by   VARCHAR(255)                NOT NULL,
  revoked_at TIMESTAMP(3) WITH TIME ZONE,
  revoked_by VARCHAR(255),
  CONSTRAINT trusted_keys_pk PRIMARY KEY (key_id),
  CONSTRAINT trusted_keys_algorithm CHECK (algorithm IN ('ed25519', 'ecdsa-p256')),
  CONSTRAINT trusted_keys_revoked
    CHECK ((revoked_at IS NULL AND revoked_by IS NULL)
        OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL))
);
