package dev.sextant.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The trust store's keys: added once, revoked at most once, never deleted. */
public final class TrustRepository {
  private static final String COLUMNS =
      "key_id, name, algorithm, public_key, added_at, added_by, revoked_at, revoked_by";

  private final Transaction tx;

  TrustRepository(Transaction tx) {
    this.tx = tx;
  }

  public Optional<StoredKey> key(String id) {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from trusted_keys where key_id = :id")
        .bind("id", id)
        .map(TrustRepository::toKey)
        .findOne();
  }

  /** Every key whose id starts with {@code prefix} (hex digits only, checked by the caller). */
  public List<StoredKey> byPrefix(String prefix) {
    return tx.handle()
        .createQuery(
            "select " + COLUMNS + " from trusted_keys where key_id like :prefix order by key_id")
        .bind("prefix", prefix + "%")
        .map(TrustRepository::toKey)
        .list();
  }

  /** Every key, revoked or not, oldest first. */
  public List<StoredKey> keys() {
    return tx.handle()
        .createQuery("select " + COLUMNS + " from trusted_keys order by added_at, key_id")
        .map(TrustRepository::toKey)
        .list();
  }

  /** Adds a key; the caller has checked that its id is new. */
  public StoredKey add(String id, String name, String algorithm, String pem, String by) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into trusted_keys (key_id, name, algorithm, public_key, added_at, added_by)"
                + " values (:id, :name, :algorithm, :pem, :now, :by)")
        .bind("id", id)
        .bind("name", Checks.text(name, "name", 255))
        .bind("algorithm", algorithm)
        .bind("pem", pem)
        .bind("now", Timestamps.utc(tx.now()))
        .bind("by", Checks.text(by, "by", 255))
        .execute();
    return key(id).orElseThrow();
  }

  /** Marks a key revoked; a key revoked already keeps its first revocation. */
  public boolean revoke(String id, String by) {
    tx.changed();
    return tx.handle()
            .createUpdate(
                "update trusted_keys set revoked_at = :now, revoked_by = :by"
                    + " where key_id = :id and revoked_at is null")
            .bind("now", Timestamps.utc(tx.now()))
            .bind("by", Checks.text(by, "by", 255))
            .bind("id", id)
            .execute()
        == 1;
  }

  private static StoredKey toKey(ResultSet rs, StatementContext ctx) throws SQLException {
    Instant revokedAt = Timestamps.read(rs, "revoked_at");
    return new StoredKey(
        rs.getString("key_id").trim(),
        rs.getString("name"),
        rs.getString("algorithm"),
        rs.getString("public_key"),
        Timestamps.read(rs, "added_at"),
        rs.getString("added_by"),
        revokedAt == null
            ? Optional.empty()
            : Optional.of(new StoredKey.Revocation(revokedAt, rs.getString("revoked_by"))));
  }
}
