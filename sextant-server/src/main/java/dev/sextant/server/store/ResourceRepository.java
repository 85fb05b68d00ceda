package dev.sextant.server.store;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Declared resources as immutable revisions. Nothing is edited in place: an apply whose content
 * differs from the current revision adds revision n+1 and moves the resource's head from n to n+1
 * ({@link HeadPointer}); applying identical content (same digest) adds nothing.
 */
public final class ResourceRepository {
  static final int MAX_AUTHOR_LENGTH = 255;

  private static final String REVISION_COLUMNS =
      "v.kind, v.name, v.revision, v.digest, v.author, v.created_at, v.document";
  private static final String CURRENT_REVISIONS =
      "select "
          + REVISION_COLUMNS
          + " from resources r join revisions v"
          + " on v.kind = r.kind and v.name = r.name and v.revision = r.current_revision";

  private final Transaction tx;

  ResourceRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Stores the resource as a new revision unless its digest equals the current one.
   *
   * @throws IllegalArgumentException when the author is blank or longer than {@value
   *     #MAX_AUTHOR_LENGTH} characters
   */
  public ApplyOutcome apply(Resource resource, String author) {
    Objects.requireNonNull(resource, "resource");
    Checks.text(author, "the author of an apply", MAX_AUTHOR_LENGTH);
    ResourceKey key = resource.key();
    HeadPointer head =
        new HeadPointer(
            "resources", Map.of("kind", key.kind().displayName(), "name", key.name()), "" + key);
    head.lockOnRetry(tx);
    Optional<Revision> current = latest(key);
    if (current.isEmpty()) {
      tx.changed();
      head.create(tx);
      return new ApplyOutcome(insert(resource, author, 1), ApplyOutcome.Change.CREATED);
    }
    if (current.get().digest().equals(resource.digest())) {
      return new ApplyOutcome(current.get(), ApplyOutcome.Change.UNCHANGED);
    }
    tx.changed();
    long number = current.get().number();
    head.advance(tx, number);
    return new ApplyOutcome(insert(resource, author, number + 1), ApplyOutcome.Change.CONFIGURED);
  }

  private Revision insert(Resource resource, String author, long number) {
    tx.handle()
        .createUpdate(
            "insert into revisions (kind, name, revision, digest, author, created_at, document)"
                + " values (:kind, :name, :revision, :digest, :author, :createdAt, :document)")
        .bind("kind", resource.kind().displayName())
        .bind("name", resource.name())
        .bind("revision", number)
        .bind("digest", resource.digest().value())
        .bind("author", author)
        .bind("createdAt", Timestamps.utc(tx.now()))
        .bind("document", CanonicalJson.string(resource.document()))
        .execute();
    return new Revision(
        resource.key(), number, resource.digest(), author, tx.now(), resource.document());
  }

  /** The current (latest) revision of a resource. */
  public Optional<Revision> latest(ResourceKey key) {
    return tx.handle()
        .createQuery(CURRENT_REVISIONS + " where r.kind = :kind and r.name = :name")
        .bind("kind", key.kind().displayName())
        .bind("name", key.name())
        .map(ResourceRepository::toRevision)
        .findOne();
  }

  /**
   * The current revision of every resource of a kind (all kinds when empty) that matches, sorted in
   * Java because PostgreSQL orders names by the server's collation and H2 does not.
   */
  public List<Revision> list(Optional<Kind> kind, LabelSelector selector) {
    Handle handle = tx.handle();
    List<Revision> current =
        kind.isEmpty()
            ? handle.createQuery(CURRENT_REVISIONS).map(ResourceRepository::toRevision).list()
            : handle
                .createQuery(CURRENT_REVISIONS + " where r.kind = :kind")
                .bind("kind", kind.get().displayName())
                .map(ResourceRepository::toRevision)
                .list();
    return current.stream()
        .filter(revision -> selector.matches(revision.labels()))
        .sorted(Comparator.comparing(Revision::key))
        .toList();
  }

  /** Every revision of a resource, oldest first; empty when the resource was never applied. */
  public List<Revision> history(ResourceKey key) {
    return tx.handle()
        .createQuery(
            "select "
                + REVISION_COLUMNS
                + " from revisions v where v.kind = :kind and v.name = :name order by v.revision")
        .bind("kind", key.kind().displayName())
        .bind("name", key.name())
        .map(ResourceRepository::toRevision)
        .list();
  }

  /** One revision of a resource by its number. */
  public Optional<Revision> revision(ResourceKey key, long number) {
    return tx.handle()
        .createQuery(
            "select "
                + REVISION_COLUMNS
                + " from revisions v"
                + " where v.kind = :kind and v.name = :name and v.revision = :revision")
        .bind("kind", key.kind().displayName())
        .bind("name", key.name())
        .bind("revision", number)
        .map(ResourceRepository::toRevision)
        .findOne();
  }

  private static Revision toRevision(ResultSet rs, StatementContext ctx) throws SQLException {
    String kindName = rs.getString("kind");
    Kind kind =
        Kind.fromDisplayName(kindName)
            .orElseThrow(() -> new StoreException("the store holds an unknown kind: " + kindName));
    ResourceKey key = new ResourceKey(kind, rs.getString("name"));
    long number = rs.getLong("revision");
    return new Revision(
        key,
        number,
        new Digest(rs.getString("digest")),
        rs.getString("author"),
        Timestamps.read(rs, "created_at"),
        JsonText.object(rs.getString("document"), "revision " + number + " of " + key));
  }
}
