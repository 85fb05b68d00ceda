package dev.sextant.bench.ledger;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.ApplyOutcome;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.ResourceApplied;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An embedded H2 store in a directory of its own, opened as the server opens it, with the ledger's
 * key beside it; events go in through the real {@code EventRepository.append}, so each one writes
 * its row, its counter increment and its ledger leaf in the caller's transaction.
 */
final class LedgerStore implements AutoCloseable {
  private static final Digest[] DIGESTS = new Digest[64];

  static {
    for (int i = 0; i < DIGESTS.length; i++) {
      DIGESTS[i] = Digest.sha256(("revision " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final Path directory;
  private final Database database;
  private final LedgerKey key;
  private final AtomicLong made = new AtomicLong();

  private LedgerStore(Path directory) {
    this.directory = directory;
    this.database = Database.h2(directory.resolve("data"), Clock.systemUTC());
    this.key = LedgerKey.loadOrCreate(directory.resolve(LedgerKey.FILE_NAME), new SecureRandom());
  }

  /** A store in {@code directory}, made when it is not there, or the one it already holds. */
  static LedgerStore at(Path directory) {
    return new LedgerStore(directory);
  }

  /** A new store in a temporary directory, deleted again by {@link #close}. */
  static LedgerStore temporary() {
    try {
      return new LedgerStore(Files.createTempDirectory("sextant-ledger-bench"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Database database() {
    return database;
  }

  LedgerKey key() {
    return key;
  }

  /**
   * Appends {@code events} resource applies (a digest input and a small detail each) in one unit.
   */
  void append(int events) {
    database.write(
        "append benchmark events",
        tx -> {
          for (int i = 0; i < events; i++) {
            tx.events().append(nextEvent());
          }
          return null;
        });
  }

  private ResourceApplied nextEvent() {
    long n = made.incrementAndGet();
    return new ResourceApplied(
        new ResourceKey(Kind.SERVICE, "service-" + (n % 100)),
        n,
        DIGESTS[(int) (n % DIGESTS.length)],
        "alice",
        n == 1 ? ApplyOutcome.Change.CREATED : ApplyOutcome.Change.CONFIGURED);
  }

  /** Closes the store; deletes its directory when it was temporary. */
  @Override
  public void close() {
    database.close();
  }

  void closeAndDelete() {
    close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(LedgerStore::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
