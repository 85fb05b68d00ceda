package dev.sextant.server.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.rollout.Phase;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EmbeddedPostgresServer;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.PendingCommand;
import dev.sextant.server.store.RolloutCommandRan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout engine in a real process, SIGKILLed at every step boundary of a canary rollout and
 * before and after each of its commands, then started again on the same store: every rollout ends
 * SUCCEEDED with each command carried out exactly once, none skipped, none left pending. What
 * "every command" is comes from a reference run that nobody killed.
 */
class RolloutSigkillTest {
  /** How a process killed by signal 9 exits, as {@link Process#exitValue()} reports it. */
  private static final int KILLED = 128 + 9;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  /** The reference run's journal: each command once, in the order carried out. */
  private static List<String> reference;

  /** How many moves the reference run's rollout made, its start included. */
  private static long moves;

  @TempDir static Path shared;
  @TempDir Path home;

  @BeforeAll
  static void runOnceWithoutKilling() throws Exception {
    Path store = shared.resolve("reference");
    Path journal = shared.resolve("reference.journal");
    Driver driver = Driver.start(store.toString(), journal);
    driver.awaitExit(0);
    reference = Files.readAllLines(journal, StandardCharsets.UTF_8);
    moves = driver.lastMove();
    assertThat(reference).doesNotHaveDuplicates().hasSizeGreaterThan(5);
    assertThat(moves).isGreaterThan(3);
    Database database = open(store.toString());
    try {
      assertThat(new RolloutEngine(database, (r, c) -> {}, CLOCK).state(RolloutDriver.ROLLOUT))
          .satisfies(s -> assertThat(s.phase()).isEqualTo(Phase.SUCCEEDED))
          .satisfies(s -> assertThat(s.version()).isEqualTo(moves));
      assertThat(ran(database)).as("each command is marked done").isEqualTo(keys(reference));
    } finally {
      database.close();
    }
  }

  @Test
  void a_kill_after_any_move_leaves_each_command_carried_out_once() throws Exception {
    for (long k = 1; k <= moves; k++) {
      Path store = home.resolve("store-" + k);
      Path journal = home.resolve("journal-" + k);

      Driver.start(store.toString(), journal, "--hold-after-move=" + k).kill();
      assertThat(lines(journal))
          .as("killed after move %d, its commands and none after carried out", k)
          .isEqualTo(upToMove(k));

      Driver.start(store.toString(), journal).awaitExit(0);
      assertEndedOnce(open(store.toString()), journal);
    }
  }

  @Test
  void a_kill_before_or_after_any_command_leaves_it_carried_out_once() throws Exception {
    // One store killed again and again: each run recovers what the last one left, and is killed
    // at the next command, once before the target has it and once after it has it but before the
    // store marks it done.
    Path store = home.resolve("store");
    Path journal = home.resolve("journal");
    for (int i = 0; i < reference.size(); i++) {
      String key = key(reference.get(i));

      Driver.start(store.toString(), journal, "--hold-before-key=" + key).kill();
      assertThat(lines(journal)).as("killed before %s", key).isEqualTo(reference.subList(0, i));

      Driver.start(store.toString(), journal, "--hold-after-key=" + key).kill();
      assertThat(lines(journal)).as("killed after %s", key).isEqualTo(reference.subList(0, i + 1));
      assertThat(pendingKeys(store.toString()))
          .as("carried out by the target, not yet marked done in the store")
          .contains(key);
    }
    Driver.start(store.toString(), journal).awaitExit(0);
    assertEndedOnce(open(store.toString()), journal);
  }

  @Test
  void on_postgresql_a_kill_at_a_move_before_a_command_and_after_a_command_changes_nothing()
      throws Exception {
    String url = EmbeddedPostgresServer.newDatabase();
    Path journal = home.resolve("journal");
    String firstOfMove3 = key(reference.get(upToMove(2).size()));
    String middle = key(reference.get(reference.size() / 2 + 1));
    assertThat(keys(reference).indexOf(middle)).isGreaterThan(upToMove(2).size());

    Driver.start(url, journal, "--hold-after-move=2").kill();
    assertThat(lines(journal)).isEqualTo(upToMove(2));

    Driver.start(url, journal, "--hold-before-key=" + firstOfMove3).kill();
    assertThat(lines(journal)).isEqualTo(upToMove(2));
    assertThat(pendingKeys(url))
        .as("move 3 committed, its commands pending")
        .contains(firstOfMove3);

    Driver.start(url, journal, "--hold-after-key=" + middle).kill();
    assertThat(keys(lines(journal))).endsWith(middle);
    assertThat(pendingKeys(url))
        .as("carried out by the target, not yet marked done in the store")
        .contains(middle);

    Driver.start(url, journal).awaitExit(0);
    assertEndedOnce(open(url), journal);
  }

  /** Closes the database once it has checked it. */
  private static void assertEndedOnce(Database database, Path journal) {
    try {
      assertThat(new RolloutEngine(database, (r, c) -> {}, CLOCK).state(RolloutDriver.ROLLOUT))
          .satisfies(s -> assertThat(s.phase()).isEqualTo(Phase.SUCCEEDED))
          .satisfies(s -> assertThat(s.version()).isEqualTo(moves));
      assertThat(lines(journal))
          .as("each command carried out once, none skipped, in the reference's order")
          .isEqualTo(reference);
      List<PendingCommand> pending = database.read("pending", tx -> tx.rollouts().pending());
      assertThat(pending).as("no command left not done").isEmpty();
      assertThat(ran(database)).as("each command marked done once").isEqualTo(keys(reference));
    } finally {
      database.close();
    }
  }

  /** The store the driver was given: an H2 data directory or a PostgreSQL URL. */
  private static Database open(String store) {
    return store.startsWith("jdbc:")
        ? Database.open(store, Optional.empty(), Optional.empty(), CLOCK)
        : Database.h2(Path.of(store), CLOCK);
  }

  private static List<String> pendingKeys(String store) {
    Database database = open(store);
    try {
      return database.read("pending", tx -> tx.rollouts().pending()).stream()
          .map(PendingCommand::idempotencyKey)
          .toList();
    } finally {
      database.close();
    }
  }

  /** The keys of the rollout.command-ran events, oldest first. */
  private static List<String> ran(Database database) {
    return database
        .read(
            "commands ran",
            tx -> tx.events().list(EventQuery.last(1000).ofType(RolloutCommandRan.TYPE)))
        .stream()
        .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
        .map(e -> ((RolloutCommandRan) e.event()).idempotencyKey())
        .toList();
  }

  /** The reference's lines of the commands of moves 1 to {@code k} (keys are rollout/version/i). */
  private static List<String> upToMove(long k) {
    return reference.stream().filter(line -> Long.parseLong(key(line).split("/")[1]) <= k).toList();
  }

  private static String key(String line) {
    return line.split(" ")[0];
  }

  private static List<String> keys(List<String> lines) {
    return lines.stream().map(RolloutSigkillTest::key).toList();
  }

  private static List<String> lines(Path journal) {
    try {
      return Files.exists(journal)
          ? Files.readAllLines(journal, StandardCharsets.UTF_8)
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@link RolloutDriver} in a process of its own, its output kept for messages. */
  private record Driver(Process process, StringBuffer output) {
    static Driver start(String store, Path journal, String... flags) throws IOException {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // a small, quickly started JVM: the test starts many
                  "-Xshare:auto",
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xmx128m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  RolloutDriver.class.getName(),
                  store,
                  journal.toString()));
      command.addAll(List.of(flags));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      StringBuffer output = new StringBuffer();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                      output.append(line).append('\n');
                      output.notifyAll();
                    }
                  }
                } catch (IOException e) {
                  // the process is gone; what it printed is kept
                }
              },
              "driver-output-" + process.pid());
      reader.setDaemon(true);
      reader.start();
      return new Driver(process, output);
    }

    /** Waits until it holds still where told, then SIGKILLs it. */
    void kill() throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (output) {
        while (output.toString().lines().noneMatch("holding"::equals)) {
          long left = until - System.nanoTime();
          assertThat(left > 0 && process.isAlive())
              .as("the driver holds within 30 s; it printed:%n%s", output)
              .isTrue();
          output.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
        }
      }
      process.destroyForcibly();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(KILLED);
    }

    void awaitExit(int status) throws InterruptedException {
      assertThat(process.waitFor(60, TimeUnit.SECONDS))
          .as("the driver ends within 60 s; it printed:%n%s", output)
          .isTrue();
      assertThat(process.exitValue()).as("it printed:%n%s", output).isEqualTo(status);
    }

    long lastMove() {
      return output
          .toString()
          .lines()
          .filter(l -> l.startsWith("moved "))
          .mapToLong(l -> Long.parseLong(l.substring("moved ".length())))
          .max()
          .orElseThrow();
    }
  }
}
