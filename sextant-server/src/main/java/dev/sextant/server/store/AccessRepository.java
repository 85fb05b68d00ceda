package dev.sextant.server.store;

import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Identity;
import dev.sextant.core.access.Role;
import dev.sextant.core.resource.LabelSelector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Identities, their API tokens and the roles granted to them. A token is looked up by the sha256 of
 * its text: the store never holds a token, and a leaked table lets no one in.
 */
public final class AccessRepository {
  private static final String TOKEN_COLUMNS =
      "id, identity, description, created_at, created_by, expires_at, revoked_at, revoked_by";

  private final Transaction tx;

  AccessRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Whether any identity exists: none only in a store that no server has started on yet. */
  public boolean anyIdentity() {
    return tx.handle().createQuery("select count(*) from identities").mapTo(Long.class).one() > 0;
  }

  public Optional<Identity> identity(String name) {
    return tx.handle()
        .createQuery("select name, kind from identities where name = :name")
        .bind("name", name)
        .map(
            (rs, ctx) ->
                new Identity(rs.getString("name"), Identity.Kind.parse(rs.getString("kind"))))
        .findOne();
  }

  /** Adds an identity; the caller has checked that the name is free. */
  public void addIdentity(Identity identity, String by) {
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into identities (name, kind, created_at, created_by)"
                + " values (:name, :kind, :now, :by)")
        .bind("name", identity.name())
        .bind("kind", identity.kind().label())
        .bind("now", Timestamps.utc(tx.now()))
        .bind("by", Checks.text(by, "by", 255))
        .execute();
  }

  /**
   * Stores a token by its hash.
   *
   * @param hash the sha256 of the token's text, in hex
   */
  public StoredToken addToken(
      String id,
      String identity,
      String hash,
      String description,
      Optional<Instant> expires,
      String by) {
    Objects.requireNonNull(expires, "expires");
    tx.changed();
    Optional<Instant> expiresAt = expires.map(Timestamps::millis);
    tx.handle()
        .createUpdate(
            "insert into api_tokens (id, identity, token_hash, description, created_at, created_by,"
                + " expires_at) values (:id, :identity, :hash, :description, :now, :by, :expires)")
        .bind("id", id)
        .bind("identity", identity)
        .bind("hash", hash)
        .bind(
            "description",
            description.length() <= 255 ? description : description.substring(0, 255))
        .bind("now", Timestamps.utc(tx.now()))
        .bind("by", Checks.text(by, "by", 255))
        .bind("expires", expiresAt.map(Timestamps::utc).orElse(null))
        .execute();
    return new StoredToken(id, identity, description, tx.now(), by, expiresAt, Optional.empty());
  }

  /** The token whose text has this hash, revoked or expired or not. */
  public Optional<StoredToken> tokenByHash(String hash) {
    return tx.handle()
        .createQuery("select " + TOKEN_COLUMNS + " from api_tokens where token_hash = :hash")
        .bind("hash", hash)
        .map(AccessRepository::toToken)
        .findOne();
  }

  public Optional<StoredToken> token(String id) {
    return tx.handle()
        .createQuery("select " + TOKEN_COLUMNS + " from api_tokens where id = :id")
        .bind("id", id)
        .map(AccessRepository::toToken)
        .findOne();
  }

  /** Every token, or every token of one identity, oldest first. */
  public List<StoredToken> tokens(Optional<String> identity) {
    String where = identity.isPresent() ? " where identity = :identity" : "";
    var query = tx.handle().createQuery("select " + TOKEN_COLUMNS + " from api_tokens" + where);
    identity.ifPresent(name -> query.bind("identity", name));
    return query.map(AccessRepository::toToken).list().stream()
        .sorted(Comparator.comparing(StoredToken::created).thenComparing(StoredToken::id))
        .toList();
  }

  /** Marks a token revoked; a token revoked already keeps its first revocation. */
  public boolean revokeToken(String id, String by) {
    tx.changed();
    return tx.handle()
            .createUpdate(
                "update api_tokens set revoked_at = :now, revoked_by = :by"
                    + " where id = :id and revoked_at is null")
            .bind("now", Timestamps.utc(tx.now()))
            .bind("by", Checks.text(by, "by", 255))
            .bind("id", id)
            .execute()
        == 1;
  }

  /** Every grant, or every grant of one identity, in identity, role and selector order. */
  public List<StoredGrant> grants(Optional<String> identity) {
    String where = identity.isPresent() ? " where identity = :identity" : "";
    var query =
        tx.handle()
            .createQuery(
                "select identity, role, environments, granted_at, granted_by from role_grants"
                    + where);
    identity.ifPresent(name -> query.bind("identity", name));
    return query.map(AccessRepository::toGrant).list().stream()
        .sorted(
            Comparator.comparing(StoredGrant::identity)
                .thenComparing(g -> g.grant().role())
                .thenComparing(g -> g.grant().environments().toString()))
        .toList();
  }

  /** Grants a role; false when the identity holds it on that selector already. */
  public boolean grant(String identity, Grant grant, String by) {
    boolean held = grants(Optional.of(identity)).stream().anyMatch(g -> g.grant().equals(grant));
    if (held) {
      return false;
    }
    tx.changed();
    tx.handle()
        .createUpdate(
            "insert into role_grants (identity, role, environments, granted_at, granted_by)"
                + " values (:identity, :role, :environments, :now, :by)")
        .bind("identity", identity)
        .bind("role", grant.role().label())
        .bind("environments", grant.environments().toString())
        .bind("now", Timestamps.utc(tx.now()))
        .bind("by", Checks.text(by, "by", 255))
        .execute();
    return true;
  }

  /** Takes a grant back; false when there was no such grant. */
  public boolean revokeGrant(String identity, Grant grant) {
    tx.changed();
    return tx.handle()
            .createUpdate(
                "delete from role_grants where identity = :identity and role = :role"
                    + " and environments = :environments")
            .bind("identity", identity)
            .bind("role", grant.role().label())
            .bind("environments", grant.environments().toString())
            .execute()
        == 1;
  }

  private static StoredToken toToken(ResultSet rs, StatementContext ctx) throws SQLException {
    Instant revokedAt = Timestamps.read(rs, "revoked_at");
    return new StoredToken(
        rs.getString("id"),
        rs.getString("identity"),
        rs.getString("description"),
        Timestamps.read(rs, "created_at"),
        rs.getString("created_by"),
        Optional.ofNullable(Timestamps.read(rs, "expires_at")),
        revokedAt == null
            ? Optional.empty()
            : Optional.of(new StoredToken.Revocation(revokedAt, rs.getString("revoked_by"))));
  }

  private static StoredGrant toGrant(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredGrant(
        rs.getString("identity"),
        new Grant(
            Role.parse(rs.getString("role")), LabelSelector.parse(rs.getString("environments"))),
        Timestamps.read(rs, "granted_at"),
        rs.getString("granted_by"));
  }
}
