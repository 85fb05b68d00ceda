package dev.sextant.server.store;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The fingerprint store on H2 or PostgreSQL through JDBI. All of its SQL is in this class.
 *
 * <p>A record is one transaction, as an apply of a resource is: read the current revision; if its
 * digest equals the new one nothing is written; otherwise move {@code
 * fingerprint_heads.current_revision} from n to n+1 with a compare-and-set and insert revision n+1.
 * A row count of 0 means a concurrent record moved the pointer first, and the record starts again,
 * locking the environment's head row before it reads.
 */
public final class JdbiFingerprintStore implements FingerprintStore {
  static final int MAX_MARKED_BY_LENGTH = 255;

  private static final String SUMMARY_COLUMNS =
      "f.environment, f.revision, f.digest, f.platform_digest, f.dependencies_digest,"
          + " f.artifacts_digest, f.collected_at, f.received_at, f.source, f.signer_key_id";
  private static final String REVISION_COLUMNS = SUMMARY_COLUMNS + ", f.document";
  private static final String CURRENT =
      " from fingerprint_heads h join fingerprints f"
          + " on f.environment = h.environment and f.revision = h.current_revision"
          + " where h.environment = :environment";
  private static final String LAST_KNOWN_GOOD =
      "select "
          + REVISION_COLUMNS
          + ", h.last_known_good_at, h.last_known_good_by from fingerprint_heads h"
          + " join fingerprints f"
          + " on f.environment = h.environment and f.revision = h.last_known_good"
          + " where h.environment = :environment";

  private final Transactions transactions;
  private final Clock clock;

  /** A store over a migrated database, which it shares and does not close. */
  public JdbiFingerprintStore(Database database, Clock clock) {
    this.transactions = new Transactions(Objects.requireNonNull(database, "database"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public FingerprintOutcome record(String environment, FingerprintRecord fingerprint) {
    Candidate candidate =
        new Candidate(
            Checks.name(environment, "an environment name"),
            Objects.requireNonNull(fingerprint, "fingerprint"),
            CanonicalJson.string(fingerprint.document()));
    return transactions.write(
        "record a fingerprint of environment " + environment,
        (handle, retrying) -> tryRecord(handle, candidate, retrying));
  }

  /** Empty when a concurrent record moved the pointer first; nothing was written then. */
  private Optional<FingerprintOutcome> tryRecord(
      Handle handle, Candidate candidate, boolean lockFirst) {
    String environment = candidate.environment();
    if (lockFirst) {
      handle
          .createQuery(
              "select current_revision from fingerprint_heads where environment = :environment"
                  + " for update")
          .bind("environment", environment)
          .mapTo(Long.class)
          .findOne();
    }
    Optional<FingerprintSummary> current =
        handle
            .createQuery("select " + SUMMARY_COLUMNS + CURRENT)
            .bind("environment", environment)
            .map(JdbiFingerprintStore::toSummary)
            .findOne();
    if (current.isEmpty()) {
      // A concurrent first record makes this insert fail on the primary key; record() retries.
      handle
          .createUpdate(
              "insert into fingerprint_heads (environment, current_revision)"
                  + " values (:environment, 1)")
          .bind("environment", environment)
          .execute();
      return recorded(insert(handle, candidate, 1));
    }
    long number = current.get().number();
    if (current.get().digest().equals(candidate.fingerprint().digest())) {
      return Optional.of(
          new FingerprintOutcome(current.get(), FingerprintOutcome.Change.UNCHANGED));
    }
    int moved =
        handle
            .createUpdate(
                "update fingerprint_heads set current_revision = :next"
                    + " where environment = :environment and current_revision = :current")
            .bind("next", number + 1)
            .bind("environment", environment)
            .bind("current", number)
            .execute();
    if (moved == 0) {
      return Optional.empty();
    }
    if (moved > 1) {
      throw new StoreException(
          "bug: moving the current fingerprint of "
              + environment
              + " changed "
              + moved
              + " rows, not 1");
    }
    return recorded(insert(handle, candidate, number + 1));
  }

  private static Optional<FingerprintOutcome> recorded(FingerprintSummary revision) {
    return Optional.of(new FingerprintOutcome(revision, FingerprintOutcome.Change.RECORDED));
  }

  private FingerprintSummary insert(Handle handle, Candidate candidate, long number) {
    FingerprintRecord fingerprint = candidate.fingerprint();
    Instant collectedAt = Timestamps.millis(fingerprint.collectedAt());
    Instant receivedAt = Timestamps.now(clock);
    handle
        .createUpdate(
            "insert into fingerprints (environment, revision, digest, platform_digest,"
                + " dependencies_digest, artifacts_digest, collected_at, received_at, source,"
                + " signer_key_id, document)"
                + " values (:environment, :revision, :digest, :platform, :dependencies,"
                + " :artifacts, :collectedAt, :receivedAt, :source, :signerKeyId, :document)")
        .bind("environment", candidate.environment())
        .bind("revision", number)
        .bind("digest", fingerprint.digest().value())
        .bind("platform", fingerprint.layers().platform().value())
        .bind("dependencies", fingerprint.layers().dependencies().value())
        .bind("artifacts", fingerprint.layers().artifacts().value())
        .bind("collectedAt", Timestamps.utc(collectedAt))
        .bind("receivedAt", Timestamps.utc(receivedAt))
        .bind("source", fingerprint.source())
        .bind("signerKeyId", fingerprint.signerKeyId().orElse(null))
        .bind("document", candidate.json())
        .execute();
    return new FingerprintSummary(
        candidate.environment(),
        number,
        fingerprint.digest(),
        fingerprint.layers(),
        collectedAt,
        receivedAt,
        fingerprint.source(),
        fingerprint.signerKeyId());
  }

  @Override
  public Optional<FingerprintRevision> latest(String environment) {
    return transactions.read(
        "read the latest fingerprint of environment " + environment,
        handle ->
            handle
                .createQuery("select " + REVISION_COLUMNS + CURRENT)
                .bind("environment", environment)
                .map(JdbiFingerprintStore::toRevision)
                .findOne());
  }

  @Override
  public Optional<FingerprintRevision> revision(String environment, long number) {
    return transactions.read(
        "read fingerprint revision " + number + " of environment " + environment,
        handle ->
            handle
                .createQuery(
                    "select "
                        + REVISION_COLUMNS
                        + " from fingerprints f"
                        + " where f.environment = :environment and f.revision = :revision")
                .bind("environment", environment)
                .bind("revision", number)
                .map(JdbiFingerprintStore::toRevision)
                .findOne());
  }

  @Override
  public List<FingerprintSummary> history(String environment) {
    return transactions.read(
        "read the fingerprint history of environment " + environment,
        handle ->
            handle
                .createQuery(
                    "select "
                        + SUMMARY_COLUMNS
                        + " from fingerprints f where f.environment = :environment"
                        + " order by f.revision")
                .bind("environment", environment)
                .map(JdbiFingerprintStore::toSummary)
                .list());
  }

  /** Sorted in Java, because PostgreSQL orders names by the server's collation and H2 does not. */
  @Override
  public List<String> environments() {
    List<String> names =
        transactions.read(
            "list the environments with fingerprints",
            handle ->
                handle
                    .createQuery("select environment from fingerprint_heads")
                    .mapTo(String.class)
                    .list());
    return names.stream().sorted().toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Revisions run 1 … current with no gap, so the update's condition {@code revision <=
   * current_revision} is the check that the revision exists, and its row count the answer.
   */
  @Override
  public LastKnownGood markLastKnownGood(String environment, long revision, String markedBy) {
    Checks.name(environment, "an environment name");
    Checks.text(markedBy, "who marks a last known good fingerprint", MAX_MARKED_BY_LENGTH);
    if (revision < 1) {
      throw new NoSuchFingerprintException(environment, revision);
    }
    Instant markedAt = Timestamps.now(clock);
    return transactions.write(
        "mark fingerprint revision " + revision + " of " + environment + " as last known good",
        (handle, retrying) -> {
          int marked =
              handle
                  .createUpdate(
                      "update fingerprint_heads set last_known_good = :revision,"
                          + " last_known_good_at = :markedAt, last_known_good_by = :markedBy"
                          + " where environment = :environment and current_revision >= :revision")
                  .bind("revision", revision)
                  .bind("markedAt", Timestamps.utc(markedAt))
                  .bind("markedBy", markedBy)
                  .bind("environment", environment)
                  .execute();
          if (marked == 0) {
            throw new NoSuchFingerprintException(environment, revision);
          }
          if (marked > 1) {
            throw new StoreException(
                "bug: marking the last known good of "
                    + environment
                    + " changed "
                    + marked
                    + " rows, not 1");
          }
          return findLastKnownGood(handle, environment);
        });
  }

  @Override
  public Optional<LastKnownGood> lastKnownGood(String environment) {
    return transactions.read(
        "read the last known good fingerprint of environment " + environment,
        handle -> findLastKnownGood(handle, environment));
  }

  private static Optional<LastKnownGood> findLastKnownGood(Handle handle, String environment) {
    return handle
        .createQuery(LAST_KNOWN_GOOD)
        .bind("environment", environment)
        .map(
            (rs, ctx) ->
                new LastKnownGood(
                    toRevision(rs, ctx),
                    Timestamps.read(rs, "last_known_good_at"),
                    rs.getString("last_known_good_by")))
        .findOne();
  }

  private static FingerprintSummary toSummary(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return new FingerprintSummary(
        rs.getString("environment"),
        rs.getLong("revision"),
        new Digest(rs.getString("digest")),
        new LayerDigests(
            new Digest(rs.getString("platform_digest")),
            new Digest(rs.getString("dependencies_digest")),
            new Digest(rs.getString("artifacts_digest"))),
        Timestamps.read(rs, "collected_at"),
        Timestamps.read(rs, "received_at"),
        rs.getString("source"),
        Optional.ofNullable(rs.getString("signer_key_id")));
  }

  private static FingerprintRevision toRevision(ResultSet rs, StatementContext ctx)
      throws SQLException {
    FingerprintSummary summary = toSummary(rs, ctx);
    return new FingerprintRevision(
        summary,
        JsonText.object(
            rs.getString("document"),
            "fingerprint revision " + summary.number() + " of " + summary.environment()));
  }

  /** The fingerprint to record with its canonical JSON, computed once, outside the retries. */
  private record Candidate(String environment, FingerprintRecord fingerprint, String json) {}
}
