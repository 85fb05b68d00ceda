package dev.sextant.server.store;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The versioned fingerprints of environments. Like resources, nothing is edited in place: a
 * fingerprint whose digest differs from the environment's current one is revision n+1, moved in
 * with the same compare-and-set ({@link HeadPointer}); one with the same digest adds nothing,
 * however much later it was collected.
 */
public final class FingerprintRepository {
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

  private final Transaction tx;

  FingerprintRepository(Transaction tx) {
    this.tx = tx;
  }

  /**
   * Stores the fingerprint as the environment's next revision unless its digest equals the current
   * revision's.
   *
   * @throws IllegalArgumentException when the environment name is blank or too long
   */
  public FingerprintOutcome record(String environment, FingerprintRecord fingerprint) {
    Checks.name(environment, "an environment name");
    Objects.requireNonNull(fingerprint, "fingerprint");
    HeadPointer head =
        new HeadPointer(
            "fingerprint_heads",
            Map.of("environment", environment),
            "the fingerprints of environment " + environment);
    head.lockOnRetry(tx);
    Optional<FingerprintSummary> current =
        tx.handle()
            .createQuery("select " + SUMMARY_COLUMNS + CURRENT)
            .bind("environment", environment)
            .map(FingerprintRepository::toSummary)
            .findOne();
    if (current.isEmpty()) {
      tx.changed();
      head.create(tx);
      return recorded(insert(environment, fingerprint, 1));
    }
    if (current.get().digest().equals(fingerprint.digest())) {
      return new FingerprintOutcome(current.get(), FingerprintOutcome.Change.UNCHANGED);
    }
    tx.changed();
    long number = current.get().number();
    head.advance(tx, number);
    return recorded(insert(environment, fingerprint, number + 1));
  }

  private static FingerprintOutcome recorded(FingerprintSummary revision) {
    return new FingerprintOutcome(revision, FingerprintOutcome.Change.RECORDED);
  }

  private FingerprintSummary insert(
      String environment, FingerprintRecord fingerprint, long number) {
    Instant collectedAt = Timestamps.millis(fingerprint.collectedAt());
    tx.handle()
        .createUpdate(
            "insert into fingerprints (environment, revision, digest, platform_digest,"
                + " dependencies_digest, artifacts_digest, collected_at, received_at, source,"
                + " signer_key_id, document)"
                + " values (:environment, :revision, :digest, :platform, :dependencies,"
                + " :artifacts, :collectedAt, :receivedAt, :source, :signerKeyId, :document)")
        .bind("environment", environment)
        .bind("revision", number)
        .bind("digest", fingerprint.digest().value())
        .bind("platform", fingerprint.layers().platform().value())
        .bind("dependencies", fingerprint.layers().dependencies().value())
        .bind("artifacts", fingerprint.layers().artifacts().value())
        .bind("collectedAt", Timestamps.utc(collectedAt))
        .bind("receivedAt", Timestamps.utc(tx.now()))
        .bind("source", fingerprint.source())
        .bind("signerKeyId", fingerprint.signerKeyId().orElse(null))
        .bind("document", CanonicalJson.string(fingerprint.document()))
        .execute();
    return new FingerprintSummary(
        environment,
        number,
        fingerprint.digest(),
        fingerprint.layers(),
        collectedAt,
        tx.now(),
        fingerprint.source(),
        fingerprint.signerKeyId());
  }

  /** The environment's current (latest) revision. */
  public Optional<FingerprintRevision> latest(String environment) {
    return tx.handle()
        .createQuery("select " + REVISION_COLUMNS + CURRENT)
        .bind("environment", environment)
        .map(FingerprintRepository::toRevision)
        .findOne();
  }

  /** One revision by its number. */
  public Optional<FingerprintRevision> revision(String environment, long number) {
    return tx.handle()
        .createQuery(
            "select "
                + REVISION_COLUMNS
                + " from fingerprints f"
                + " where f.environment = :environment and f.revision = :revision")
        .bind("environment", environment)
        .bind("revision", number)
        .map(FingerprintRepository::toRevision)
        .findOne();
  }

  /** Every revision of the environment, oldest first, without documents. */
  public List<FingerprintSummary> history(String environment) {
    return tx.handle()
        .createQuery(
            "select "
                + SUMMARY_COLUMNS
                + " from fingerprints f where f.environment = :environment order by f.revision")
        .bind("environment", environment)
        .map(FingerprintRepository::toSummary)
        .list();
  }

  /**
   * The names of the environments that have fingerprints, sorted by code point (in Java, because
   * PostgreSQL orders names by the server's collation and H2 does not).
   */
  public List<String> environments() {
    return tx
        .handle()
        .createQuery("select environment from fingerprint_heads")
        .mapTo(String.class)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  /**
   * Marks a revision as the environment's last known good, replacing any earlier mark; marking the
   * same revision again records the new time and marker.
   *
   * <p>Revisions run 1 … current with no gap, so the update's condition {@code revision <=
   * current_revision} is the check that the revision exists, and its row count the answer.
   *
   * @param markedBy who marks it: a user, or the rollout engine after a successful deployment
   * @throws NoSuchFingerprintException when the environment has no such revision
   */
  public LastKnownGood markLastKnownGood(String environment, long revision, String markedBy) {
    Checks.name(environment, "an environment name");
    Checks.text(markedBy, "who marks a last known good fingerprint", MAX_MARKED_BY_LENGTH);
    if (revision < 1) {
      throw new NoSuchFingerprintException(environment, revision);
    }
    tx.changed();
    int marked =
        tx.handle()
            .createUpdate(
                "update fingerprint_heads set last_known_good = :revision,"
                    + " last_known_good_at = :markedAt, last_known_good_by = :markedBy"
                    + " where environment = :environment and current_revision >= :revision")
            .bind("revision", revision)
            .bind("markedAt", Timestamps.utc(tx.now()))
            .bind("markedBy", markedBy)
            .bind("environment", environment)
            .execute();
    if (marked == 0) {
      throw new NoSuchFingerprintException(environment, revision);
    }
    if (marked > 1) {
      throw new StoreException(
          "bug: marking the last known good of " + environment + " changed " + marked + " rows");
    }
    return lastKnownGood(environment).orElseThrow();
  }

  /** The environment's last known good fingerprint; empty until one is marked. */
  public Optional<LastKnownGood> lastKnownGood(String environment) {
    return tx.handle()
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
}
