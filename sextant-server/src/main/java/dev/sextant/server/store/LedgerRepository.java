package dev.sextant.server.store;

import dev.sextant.core.ledger.LedgerEntry;
import dev.sextant.core.ledger.LedgerException;
import dev.sextant.core.ledger.SignedTreeHead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The ledger's tables: one leaf hash per event, written by {@link EventRepository#append} in the
 * event's own unit of work, and the signed tree heads over those leaves. Tree heads are evidence
 * about the log, not state of the deployment, so storing one needs no event of its own.
 */
public final class LedgerRepository {
  private static final HexFormat HEX = HexFormat.of();
  private static final int PAGE = 1000;

  /** Events made into entries per task: enough to outweigh handing them over. */
  private static final int CHUNK = 500;

  private final Transaction tx;

  LedgerRepository(Transaction tx) {
    this.tx = tx;
  }

  /** Records the leaf of an event being appended in this unit of work. */
  void addLeaf(LedgerEntry entry) {
    tx.handle()
        .createUpdate(
            "insert into ledger_leaves (sequence_number, leaf_hash) values (:sequence, :hash)")
        .bind("sequence", entry.sequence())
        .bind("hash", HEX.formatHex(entry.leafHash()))
        .execute();
  }

  /**
   * Writes the leaves of the events older than the ledger, those of a store made before it, from
   * their rows as they are now; nothing vouched for them before, and the next head does. Only while
   * no head was signed and only below the first leaf, so that it can never cover a row inserted
   * later, which verification must keep naming.
   *
   * @return how many leaves were written
   */
  public int backfill() {
    if (latestHead().isPresent()) {
      return 0;
    }
    Long first =
        tx.handle()
            .createQuery("select min(sequence_number) from ledger_leaves")
            .mapTo(Long.class)
            .one();
    long firstLeaf = first == null ? Long.MAX_VALUE : first;
    int written = 0;
    for (List<RecomputedEntry> page = entriesAfter(0, PAGE);
        !page.isEmpty();
        page = entriesAfter(page.get(page.size() - 1).sequence(), PAGE)) {
      for (RecomputedEntry row : page) {
        if (row.sequence() >= firstLeaf) {
          return written;
        }
        addLeaf(
            row.entry()
                .orElseThrow(
                    () ->
                        new StoreException(
                            "event "
                                + row.sequence()
                                + " cannot be read to give it a ledger leaf: "
                                + row.unreadable().orElseThrow())));
        written++;
      }
    }
    return written;
  }

  /** The stored leaves after sequence number {@code sequence}, in order, at most {@code limit}. */
  public List<LedgerLeaf> leavesAfter(long sequence, int limit) {
    return tx.handle()
        .createQuery(
            "select sequence_number, leaf_hash from ledger_leaves where sequence_number > :sequence"
                + " order by sequence_number fetch first :limit rows only")
        .bind("sequence", sequence)
        .bind("limit", limit)
        .map((rs, ctx) -> new LedgerLeaf(rs.getLong(1), rs.getString(2).strip()))
        .list();
  }

  /**
   * The leaves after sequence number {@code sequence} with their events' type, subject, actor and
   * inputs.
   */
  public List<LedgerLogLine> logAfter(long sequence, int limit) {
    return tx.handle()
        .createQuery(
            "select l.sequence_number as leaf_number, l.leaf_hash, e.sequence_number,"
                + " e.occurred_at, e.event_type, e.schema_version, e.subject, e.outcome, e.reason,"
                + " e.inputs, e.detail from ledger_leaves l"
                + " left join events e on e.sequence_number = l.sequence_number"
                + " where l.sequence_number > :sequence"
                + " order by l.sequence_number fetch first :limit rows only")
        .bind("sequence", sequence)
        .bind("limit", limit)
        .map(LedgerRepository::logLine)
        .list();
  }

  private static LedgerLogLine logLine(ResultSet rs, StatementContext ctx) throws SQLException {
    long sequence = rs.getLong("leaf_number");
    String leaf = rs.getString("leaf_hash").strip();
    Optional<String> type = Optional.ofNullable(rs.getString("event_type"));
    Optional<String> subject = Optional.ofNullable(rs.getString("subject"));
    if (type.isEmpty()) {
      return new LedgerLogLine(sequence, leaf, type, subject, Optional.empty(), new TreeMap<>());
    }
    try {
      LedgerEntry entry = LedgerEntries.of(EventRepository.toEvent(rs, ctx));
      return new LedgerLogLine(
          sequence, leaf, type, subject, Optional.of(entry.actor()), entry.inputs());
    } catch (RuntimeException e) {
      // A row edited out of shape still lists; verification names what is wrong with it.
      return new LedgerLogLine(sequence, leaf, type, subject, Optional.empty(), new TreeMap<>());
    }
  }

  /**
   * The entries of the rows of {@code events} after sequence number {@code sequence}, as the rows
   * are now, in order, at most {@code limit}: what verification compares with the stored leaves.
   */
  public List<RecomputedEntry> entriesAfter(long sequence, int limit) {
    // Rows are read in order on this thread; making entries of them and hashing those is pure and
    // most of a verification's time, so each chunk read is handed to the common pool while the next
    // is read, and the entries are handed out as they are made.
    List<ForkJoinTask<List<RecomputedEntry>>> chunks = new ArrayList<>();
    List<EventRow> chunk = new ArrayList<>(CHUNK);
    int read = 0;
    try (ResultIterator<EventRow> rows =
        tx.handle()
            .createQuery(
                "select sequence_number, occurred_at, event_type, schema_version, subject, outcome,"
                    + " reason, inputs, detail from events where sequence_number > :sequence"
                    + " order by sequence_number fetch first :limit rows only")
            .bind("sequence", sequence)
            .bind("limit", limit)
            .map((rs, ctx) -> EventRow.read(rs))
            .iterator()) {
      while (rows.hasNext()) {
        chunk.add(rows.next());
        read++;
        if (chunk.size() == CHUNK) {
          chunks.add(recomputeLater(chunk));
          chunk = new ArrayList<>(CHUNK);
        }
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(recomputeLater(chunk));
    }
    return new RecomputedChunks(chunks, CHUNK, read);
  }

  private static ForkJoinTask<List<RecomputedEntry>> recomputeLater(List<EventRow> rows) {
    return ForkJoinTask.adapt(() -> rows.stream().map(LedgerRepository::recompute).toList()).fork();
  }

  /** The number of leaves; the size the next tree head would have. */
  public long size() {
    return tx.handle().createQuery("select count(*) from ledger_leaves").mapTo(Long.class).one();
  }

  public void addTreeHead(SignedTreeHead head) {
    tx.handle()
        .createUpdate(
            "insert into ledger_tree_heads (tree_size, root_hash, signed_at, key_id, signature)"
                + " values (:size, :root, :at, :key, :signature)")
        .bind("size", head.treeSize())
        .bind("root", HEX.formatHex(head.rootHash()))
        .bind("at", head.timestamp())
        .bind("key", head.keyId())
        .bind("signature", Base64.getEncoder().encodeToString(head.signature()))
        .execute();
  }

  public Optional<SignedTreeHead> latestHead() {
    return tx.handle()
        .createQuery(
            "select * from ledger_tree_heads order by tree_size desc fetch first 1 rows only")
        .map(LedgerRepository::toHead)
        .findOne();
  }

  /** Every stored tree head, smallest first. */
  public List<StoredTreeHead> heads() {
    return tx.handle()
        .createQuery("select * from ledger_tree_heads order by tree_size")
        .map(
            (rs, ctx) -> {
              long size = rs.getLong("tree_size");
              try {
                return new StoredTreeHead(size, Optional.of(toHead(rs, ctx)), Optional.empty());
              } catch (StoreException e) {
                return new StoredTreeHead(
                    size, Optional.empty(), Optional.of(e.getCause().getMessage()));
              }
            })
        .list();
  }

  private static RecomputedEntry recompute(EventRow row) {
    try {
      LedgerEntry entry = LedgerEntries.of(row.toEvent());
      return new RecomputedEntry(row.sequence(), Optional.of(entry), Optional.empty());
    } catch (RuntimeException e) {
      // A row edited into something no event can be is itself the finding, not a failure.
      return new RecomputedEntry(row.sequence(), Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  private static SignedTreeHead toHead(ResultSet rs, StatementContext ctx) throws SQLException {
    long size = rs.getLong("tree_size");
    try {
      return new SignedTreeHead(
          size,
          HEX.parseHex(rs.getString("root_hash").strip()),
          rs.getString("signed_at"),
          rs.getString("key_id"),
          Base64.getDecoder().decode(rs.getString("signature")));
    } catch (IllegalArgumentException | LedgerException e) {
      throw new StoreException("the stored tree head of size " + size + " is malformed", e);
    }
  }
}
