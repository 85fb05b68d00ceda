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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollout engine in a real process, SIGKILLed at every step boundary of a rollout and before
 * and after each of its commands, then started again on the same store: every rollout ends
 * SUCCEEDED with each command carried out exactly once, none skipped, none left pending. Each test
 * runs for a canary and for a blue-green rollout ({@link RolloutDriver#blueGreen()}: scale, preview
 * analysis, the switch, blue kept for a while). What "every command" is comes from a reference run
 * of each that nobody killed.
 */
class RolloutSigkillTest {
  /** How a process killed by signal 9 exits, as {@link Process#exitValue()} reports it. */
  private static final int KILLED = 128 + 9;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  /** The reference run of each strategy, by name. */
  private static final Map<String, Reference> REFERENCES = new HashMap<>();

  @TempDir static Path shared;
  @TempDir Path home;

  /**
   * An uninterrupted run of a strategy.
   *
   * @param flags what tells the driver the strategy
   * @param journal each command once, in the order carried out
   * @param moves how many moves the rollout made, its start included
   */
  private record Reference(List<String> flags, List<String> journal, long moves) {
    /** The journal's lines of the commands of moves 1 to {@code k} (keys are rollout/version/i). */
    List<String> upToMove(long k) {
      return journal.stream().filter(line -> Long.parseLong(key(line).split("/")[1]) <= k).toList();
    }
  }

  @BeforeAll
  static void runEachOnceWithoutKilling() throws Exception {
    REFERENCES.put("canary", reference("canary", List.of()));
    REFERENCES.put("blue-green", reference("blue-green", List.of("--blue-green")));
    assertThat(keys(REFERENCES.get("blue-green").journal()))
        .as("blue-green scales both tracks and switches all traffic at once")
        .extracting(k -> k.split("/")[1] + "/" + k.split("/")[2])
        .startsWith("1/0", "1/1");
  }

  private static Reference reference(String name, List<String> flags) throws Exception {
    Path store = shared.resolve(name);
    Path journal = shared.resolve(name + ".journal");
    Driver driver = Driver.start(store.toString(), journal, flags);
    driver.awaitExit(0);
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    long moves = driver.lastMove();
    assertThat(lines).doesNotHaveDuplicates().hasSizeGreaterThan(5);
    assertThat(moves).isGreaterThan(3);
    Database database = open(store.toString());
    try {
      assertThat(new RolloutEngine(database, (r, c) -> {}, CLOCK).state(RolloutDriver.ROLLOUT))
          .satisfies(s -> assertThat(s.phase()).isEqualTo(Phase.SUCCEEDED))
          .satisfies(s -> assertThat(s.version()).isEqualTo(moves));
      assertThat(ran(database)).as("each command is marked done").isEqualTo(keys(lines));
    } finally {
      database.close();
    }
    return new Reference(flags, lines, moves);
  }

  @ParameterizedTest
  @ValueSource(strings = {"canary", "blue-green"})
  void a_kill_after_any_move_leaves_each_command_carried_out_once(String strategy)
      throws Exception {
    Reference reference = REFERENCES.get(strategy);
    for (long k = 1; k <= reference.moves(); k++) {
      Path store = home.resolve("store-" + k);
      Path journal = home.resolve("journal-" + k);

      Driver.start(store.toString(), journal, reference.flags(), "--hold-after-move=" + k).kill();
      assertThat(lines(journal))
          .as("killed after move %d, its commands and none after carried out", k)
          .isEqualTo(reference.upToMove(k));

      Driver.start(store.toString(), journal, reference.flags()).awaitExit(0);
      assertEndedOnce(reference, open(store.toString()), journal);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"canary", "blue-green"})
  void a_kill_before_or_after_any_command_leaves_it_carried_out_once(String strategy)
      throws Exception {
    // One store killed again and again: each run recovers what the last one left, and is killed
    // at the next command, once before the target has it and once after it has it but before the
    // store marks it done.
    Reference reference = REFERENCES.get(strategy);
    List<String> all = reference.journal();
    Path store = home.resolve("store");
    Path journal = home.resolve("journal");
    for (int i = 0; i < all.size(); i++) {
      String key = key(all.get(i));

      Driver.start(store.toString(), journal, reference.flags(), "--hold-before-key=" + key).kill();
      assertThat(lines(journal)).as("killed before %s", key).isEqualTo(all.subList(0, i));

      Driver.start(store.toString(), journal, reference.flags(), "--hold-after-key=" + key).kill();
      assertThat(lines(journal)).as("killed after %s", key).isEqualTo(all.subList(0, i + 1));
      assertThat(pendingKeys(store.toString()))
          .as("carried out by the target, not yet marked done in the store")
          .contains(key);
    }
    Driver.start(store.toString(), journal, reference.flags()).awaitExit(0);
    assertEndedOnce(reference, open(store.toString()), journal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"canary", "blue-green"})
  void on_postgresql_a_kill_at_a_move_before_a_command_and_after_a_command_changes_nothing(
      String strategy) throws Exception {
    Reference reference = REFERENCES.get(strategy);
    List<String> all = reference.journal();
    List<String> flags = reference.flags();
    String url = EmbeddedPostgresServer.newDatabase();
    Path journal = home.resolve("journal");
    String firstOfMove3 = key(all.get(reference.upToMove(2).size()));
    String middle = key(all.get(all.size() / 2 + 1));
    assertThat(keys(all).indexOf(middle)).isGreaterThan(reference.upToMove(2).size());

    Driver.start(url, journal, flags, "--hold-after-move=2").kill();
    assertThat(lines(journal)).isEqualTo(reference.upToMove(2));

    Driver.start(url, journal, flags, "--hold-before-key=" + firstOfMove3).kill();
    assertThat(lines(journal)).isEqualTo(reference.upToMove(2));
    assertThat(pendingKeys(url))
        .as("move 3 committed, its commands pending")
        .contains(firstOfMove3);

    Driver.start(url, journal, flags, "--hold-after-key=" + middle).kill();
    assertThat(keys(lines(journal))).endsWith(middle);
    assertThat(pendingKeys(url))
        .as("carried out by the target, not yet marked done in the store")
        .contains(middle);

    Driver.start(url, journal, flags).awaitExit(0);
    assertEndedOnce(reference, open(url), journal);
  }

  /** Closes the database once it has checked it. */
  private static void assertEndedOnce(Reference reference, Database database, Path journal) {
    try {
      assertThat(new RolloutEngine(database, (r, c) -> {}, CLOCK).state(RolloutDriver.ROLLOUT))
          .satisfies(s -> assertThat(s.phase()).isEqualTo(Phase.SUCCEEDED))
          .satisfies(s -> assertThat(s.version()).isEqualTo(reference.moves()));
      assertThat(lines(journal))
          .as("each command carried out once, none skipped, in the reference's order")
          .isEqualTo(reference.journal());
      List<PendingCommand> pending = database.read("pending", tx -> tx.rollouts().pending());
      assertThat(pending).as("no command left not done").isEmpty();
      assertThat(ran(database))
          .as("each command marked done once")
          .isEqualTo(keys(reference.journal()));
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
    static Driver start(String store, Path journal, List<String> strategy, String... flags)
        throws IOException {
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
      command.addAll(strategy);
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
