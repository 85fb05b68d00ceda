package dev.sextant.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.ResourceKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The resource store on H2 or PostgreSQL through JDBI. All of the store's SQL is in this class.
 *
 * <p>An apply is one transaction: read the current revision's digest; if it equals the new digest
 * nothing is written; otherwise move {@code resources.current_revision} from n to n+1 with a
 * compare-and-set and insert revision n+1. When another apply moved the pointer first, the row
 * count is 0 and the apply starts again from the new current revision. The first attempt holds no
 * lock while it reads; a retry first locks the resource's row, so that on a busy resource an apply
 * that lost once waits its turn instead of losing the race again and again.
 */
public final class JdbiResourceStore implements ResourceStore {
  /** How many times an apply tries before giving up; a locked retry rarely loses. */
  public static final int MAX_ATTEMPTS = 5;

  static final int MAX_AUTHOR_LENGTH = 255;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private static final String REVISION_COLUMNS =
      "v.kind, v.name, v.revision, v.digest, v.author, v.created_at, v.document";
  private static final String CURRENT_REVISIONS =
      "select "
          + REVISION_COLUMNS
          + " from resources r join revisions v"
          + " on v.kind = r.kind and v.name = r.name and v.revision = r.current_revision";

  private final Database database;
  private final Jdbi jdbi;
  private final Clock clock;

  /** A store over a migrated database; closing the store closes the database. */
  public JdbiResourceStore(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.jdbi = database.jdbi();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * {@inheritDoc}
   *
   * @throws ConcurrentApplyException when concurrent applies to the same resource won the
   *     compare-and-set {@value #MAX_ATTEMPTS} times in a row
   * @throws StoreException when the database fails
   */
  @Override
  public ApplyOutcome apply(Resource resource, String author) {
    Objects.requireNonNull(resource, "resource");
    Candidate candidate = new Candidate(resource, checkedAuthor(author));
    JdbiException lastConflict = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      boolean lockFirst = attempt > 1;
      try {
        Optional<ApplyOutcome> outcome =
            jdbi.inTransaction(
                TransactionIsolationLevel.READ_COMMITTED,
                handle -> tryApply(handle, candidate, lockFirst));
        if (outcome.isPresent()) {
          return outcome.get();
        }
      } catch (JdbiException e) {
        if (!Conflicts.isConflict(e)) {
          throw failure("apply " + candidate.key(), e);
        }
        lastConflict = e;
      }
    }
    throw new ConcurrentApplyException(candidate.key(), MAX_ATTEMPTS, lastConflict);
  }

  /** Empty when a concurrent apply moved the pointer first; nothing was written then. */
  private Optional<ApplyOutcome> tryApply(Handle handle, Candidate candidate, boolean lockFirst) {
    ResourceKey key = candidate.key();
    if (lockFirst) {
      handle
          .createQuery(
              "select current_revision from resources where kind = :kind and name = :name"
                  + " for update")
          .bind("kind", key.kind().displayName())
          .bind("name", key.name())
          .mapTo(Long.class)
          .findOne();
    }
    Optional<Current> current =
        handle
            .createQuery(
                "select r.current_revision, v.digest from resources r join revisions v"
                    + " on v.kind = r.kind and v.name = r.name and v.revision = r.current_revision"
                    + " where r.kind = :kind and r.name = :name")
            .bind("kind", key.kind().displayName())
            .bind("name", key.name())
            .map((rs, ctx) -> new Current(rs.getLong(1), new Digest(rs.getString(2))))
            .findOne();
    if (current.isEmpty()) {
      // A concurrent first apply makes this insert fail on the primary key; apply() starts again.
      handle
          .createUpdate(
              "insert into resources (kind, name, current_revision) values (:kind, :name, 1)")
          .bind("kind", key.kind().displayName())
          .bind("name", key.name())
          .execute();
      return Optional.of(
          new ApplyOutcome(insertRevision(handle, candidate, 1), ApplyOutcome.Change.CREATED));
    }
    long number = current.get().number();
    if (current.get().digest().equals(candidate.digest())) {
      Revision unchanged =
          findRevision(handle, key, number)
              .orElseThrow(
                  () -> new StoreException("the current revision of " + key + " is missing"));
      return Optional.of(new ApplyOutcome(unchanged, ApplyOutcome.Change.UNCHANGED));
    }
    int moved =
        handle
            .createUpdate(
                "update resources set current_revision = :next"
                    + " where kind = :kind and name = :name and current_revision = :current")
            .bind("next", number + 1)
            .bind("kind", key.kind().displayName())
            .bind("name", key.name())
            .bind("current", number)
            .execute();
    if (moved == 0) {
      return Optional.empty();
    }
    if (moved > 1) {
      throw new StoreException(
          "bug: moving the current revision of " + key + " changed " + moved + " rows, not 1");
    }
    return Optional.of(
        new ApplyOutcome(
            insertRevision(handle, candidate, number + 1), ApplyOutcome.Change.CONFIGURED));
  }

  private Revision insertRevision(Handle handle, Candidate candidate, long number) {
    // Millisecond precision in UTC reads back exactly on both databases.
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    OffsetDateTime stamp = createdAt.atOffset(ZoneOffset.UTC);
    handle
        .createUpdate(
            "insert into revisions (kind, name, revision, digest, author, created_at, document)"
                + " values (:kind, :name, :revision, :digest, :author, :createdAt, :document)")
        .bind("kind", candidate.key().kind().displayName())
        .bind("name", candidate.key().name())
        .bind("revision", number)
        .bind("digest", candidate.digest().value())
        .bind("author", candidate.author())
        .bind("createdAt", (position, statement, ctx) -> statement.setObject(position, stamp))
        .bind("document", candidate.json())
        .execute();
    return new Revision(
        candidate.key(),
        number,
        candidate.digest(),
        candidate.author(),
        createdAt,
        candidate.resource().document());
  }

  @Override
  public Optional<Revision> latest(ResourceKey key) {
    return read(
        "read the latest revision of " + key,
        handle ->
            handle
                .createQuery(CURRENT_REVISIONS + " where r.kind = :kind and r.name = :name")
                .bind("kind", key.kind().displayName())
                .bind("name", key.name())
                .map(JdbiResourceStore::toRevision)
                .findOne());
  }

  /** Sorted in Java, because PostgreSQL orders names by the server's collation and H2 does not. */
  @Override
  public List<Revision> list(Optional<Kind> kind, LabelSelector selector) {
    List<Revision> current =
        read(
            "list " + kind.map(Kind::plural).orElse("resources"),
            handle ->
                kind.isEmpty()
                    ? handle
                        .createQuery(CURRENT_REVISIONS)
                        .map(JdbiResourceStore::toRevision)
                        .list()
                    : handle
                        .createQuery(CURRENT_REVISIONS + " where r.kind = :kind")
                        .bind("kind", kind.get().displayName())
                        .map(JdbiResourceStore::toRevision)
                        .list());
    return current.stream()
        .filter(revision -> selector.matches(revision.labels()))
        .sorted(Comparator.comparing(Revision::key))
        .toList();
  }

  @Override
  public List<Revision> history(ResourceKey key) {
    return read(
        "read the history of " + key,
        handle ->
            handle
                .createQuery(
                    "select "
                        + REVISION_COLUMNS
                        + " from revisions v where v.kind = :kind and v.name = :name"
                        + " order by v.revision")
                .bind("kind", key.kind().displayName())
                .bind("name", key.name())
                .map(JdbiResourceStore::toRevision)
                .list());
  }

  @Override
  public Optional<Revision> revision(ResourceKey key, long number) {
    return read(
        "read revision " + number + " of " + key, handle -> findRevision(handle, key, number));
  }

  private static Optional<Revision> findRevision(Handle handle, ResourceKey key, long number) {
    return handle
        .createQuery(
            "select "
                + REVISION_COLUMNS
                + " from revisions v"
                + " where v.kind = :kind and v.name = :name and v.revision = :revision")
        .bind("kind", key.kind().displayName())
        .bind("name", key.name())
        .bind("revision", number)
        .map(JdbiResourceStore::toRevision)
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
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        document(key, number, rs.getString("document")));
  }

  private static ObjectNode document(ResourceKey key, long number, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new StoreException("revision " + number + " of " + key + " is not valid JSON", e);
    }
    throw new StoreException("revision " + number + " of " + key + " is not a JSON object");
  }

  private <T> T read(String what, HandleCallback<T, RuntimeException> query) {
    try {
      return jdbi.withHandle(query);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  private StoreException failure(String what, JdbiException e) {
    return new StoreException(
        "cannot " + what + " in the store at " + database.url() + ": " + e.getMessage(), e);
  }

  private static String checkedAuthor(String author) {
    Objects.requireNonNull(author, "author");
    if (author.isBlank()) {
      throw new IllegalArgumentException("the author of an apply must not be blank");
    }
    if (author.length() > MAX_AUTHOR_LENGTH) {
      throw new IllegalArgumentException(
          "the author of an apply must have at most " + MAX_AUTHOR_LENGTH + " characters");
    }
    return author;
  }

  @Override
  public void ping() {
    read("answer a ping", handle -> handle.createQuery("select 1").mapTo(Integer.class).one());
  }

  @Override
  public void close() {
    database.close();
  }

  /** The resource to apply with what is computed from it once, outside the retries. */
  private record Candidate(
      Resource resource, String author, ResourceKey key, Digest digest, String json) {
    Candidate(Resource resource, String author) {
      this(
          resource,
          author,
          resource.key(),
          resource.digest(),
          CanonicalJson.string(resource.document()));
    }
  }

  private record Current(long number, Digest digest) {}
}
