-- The ledger: the leaf hash of every event, written in the event's own transaction, and the signed
-- tree heads over them. Hashes are lower-case hex; a head's time is kept as the exact text it signed.
CREATE TABLE ledger_leaves (
  sequence_number BIGINT   NOT NULL,
  leaf_hash       CHAR(64) NOT NULL,
  CONSTRAINT ledger_leaves_pk PRIMARY KEY (sequence_number),
  CONSTRAINT ledger_leaves_sequence_positive CHECK (sequence_number >= 1)
);

CREATE TABLE ledger_tree_heads (
  tree_size BIGINT       NOT NULL,
  root_hash CHAR(64)     NOT NULL,
  signed_at VARCHAR(40)  NOT NULL,
  key_id    VARCHAR(64)  NOT NULL,
  signature VARCHAR(200) NOT NULL,
  CONSTRAINT ledger_tree_heads_pk PRIMARY KEY (tree_size),
  CONSTRAINT ledger_tree_heads_size_not_negative CHECK (tree_size >= 0)
);
