package dev.sextant.server.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.server.store.Database;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One server replica in a process of its own, for {@link RolloutTakeoverTest}: the engine, its
 * timers and sweep on db-scheduler ({@link RolloutWork}, {@link BackgroundWork}), on a PostgreSQL
 * store that other replicas share. Nothing drives the rollout but the work due on the store and the
 * target's confirmations.
 *
 * <p>Arguments: the store's {@code jdbc:postgresql:} URL, the journal file the replicas share, this
 * replica's name, then {@code --start} to start rollout {@value RolloutDriver#ROLLOUT} ({@link
 * #strategy()}), {@code --hold-before-key=KEY} to hold still, printing {@code holding}, before the
 * target carries out KEY, and {@code --stall-before-move=N} to stall the compare-and-set that makes
 * version N ({@link StallingDriver}). Either hold happens once among all replicas: in the first
 * that gets there.
 *
 * <p>Its target appends {@code KEY TYPE REPLICA} to the journal each time it is asked to carry out
 * a command (a timer scheduled is one too), forced to disk, so the journal shows every command each
 * replica carried out, twice if twice. Then it confirms what the rollout waits for, as a real
 * target does: a weight set, instances ready, a passing verdict, an approval. It prints {@code
 * ready} once its background work runs.
 */
public final class RolloutReplica {
  /** db-scheduler tuned for a test: a dead replica's runs are revived about a second later. */
  static WorkSettings settings(String name) {
    return new WorkSettings(
        name, Duration.ofMillis(100), Duration.ofMillis(250), 4, 4, Duration.ofSeconds(1));
  }

  /** The sweep looks every half second for commands pending for over a second. */
  static final Duration SWEEP_EVERY = Duration.ofMillis(500);

  static final Duration GRACE = Duration.ofSeconds(1);

  private final Path journal;
  private final String name;
  private final Optional<String> holdBeforeKey;
  private final Clock clock;
  private RolloutEngine engine;

  private RolloutReplica(Path journal, String name, Optional<String> holdBeforeKey, Clock clock) {
    this.journal = journal;
    this.clock = clock;
    this.name = name;
    this.holdBeforeKey = holdBeforeKey;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path journal = Path.of(args[1]);
    String name = args[2];
    boolean start = false;
    Optional<String> holdBeforeKey = Optional.empty();
    for (int i = 3; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--start")) {
        start = true;
      } else if (arg.startsWith("--hold-before-key=")) {
        holdBeforeKey = Optional.of(arg.substring("--hold-before-key=".length()));
      } else if (arg.startsWith("--stall-before-move=")) {
        long next = Long.parseLong(arg.substring("--stall-before-move=".length()));
        StallingDriver.install(url, next, onceFile(journal, "stalled"));
      } else {
        System.err.println("replica: unknown flag " + arg);
        System.exit(2);
      }
    }
    Clock clock = Clock.systemUTC();
    Database database = Database.open(url, Optional.empty(), Optional.empty(), clock);
    RolloutReplica replica = new RolloutReplica(journal, name, holdBeforeKey, clock);
    RolloutWork rollouts = new RolloutWork(SWEEP_EVERY, GRACE);
    Journaling journaling = replica.new Journaling(rollouts);
    BackgroundWork work =
        new BackgroundWork(
            database.dataSource(),
            SchedulerDialect.POSTGRESQL,
            settings(name),
            rollouts.recurring(),
            rollouts.works());
    replica.engine = new RolloutEngine(database, journaling, journaling, clock);
    rollouts.drive(replica.engine, work);
    replica.engine.recover();
    work.start();
    System.out.println("ready");
    System.out.flush();
    if (start) {
      replica.engine.start(
          RolloutDriver.ROLLOUT,
          "sample",
          "dev",
          new Revisions("sample-1", "sample-2"),
          2,
          strategy(),
          "alice");
    }
    // The work runs on db-scheduler's threads until the test kills this process.
    Thread.sleep(Long.MAX_VALUE);
  }

  /** A canary with two timed pauses: setWeight 20, pause 2 s, setWeight 50, pause 2 s, promote. */
  static ObjectNode strategy() {
    try {
      return (ObjectNode)
          new ObjectMapper()
              .readTree(
                  """
                  {"canary": {"steps": [{"setWeight": 20}, {"pause": {"duration": "2s"}},
                                        {"setWeight": 50}, {"pause": {"duration": "2s"}},
                                        {"promote": {}}]},
                   "abort": {"onFailure": "rollback", "progressDeadline": "5m"}}
                  """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path onceFile(Path journal, String what) {
    return journal.resolveSibling(journal.getFileName() + "." + what);
  }

  private void carry(String key, String type) {
    if (holdBeforeKey.filter(key::equals).isPresent() && first(onceFile(journal, "held"))) {
      System.out.println("holding");
      System.out.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while holding", e);
      }
    }
    try (FileChannel channel =
        FileChannel.open(
            journal,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      channel.write(
          ByteBuffer.wrap((key + " " + type + " " + name + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean first(Path once) {
    try {
      Files.createFile(once);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a real target would tell the rollout once it has carried out the command, if anything. */
  private static Optional<RolloutEvent> confirmation(RolloutCommand command, Instant now) {
    if (command instanceof RolloutCommand.SetCanaryWeight) {
      return Optional.of(new RolloutEvent.StepFinished(now));
    } else if (command instanceof RolloutCommand.ScaleInstances) {
      return Optional.of(new RolloutEvent.InstancesReady(now));
    } else if (command instanceof RolloutCommand.StartAnalysis) {
      return Optional.of(
          new RolloutEvent.MeasurementTaken(now, RolloutEvent.Verdict.SUCCESSFUL, "ok"));
    } else if (command instanceof RolloutCommand.RequestApproval) {
      return Optional.of(new RolloutEvent.Approved(now, "carol"));
    }
    return Optional.empty();
  }

  /** The target, and the timers in front of db-scheduler's: both journal what they are given. */
  private final class Journaling implements RolloutTarget, RolloutTimers {
    private final RolloutTimers timers;

    Journaling(RolloutTimers timers) {
      this.timers = timers;
    }

    @Override
    public void run(String rollout, RolloutCommand command) {
      carry(command.idempotencyKey(), command.getClass().getSimpleName());
      // Told before the command is marked done: a replica that dies in between leaves the command
      // pending, and whoever carries it out again tells it again.
      confirmation(command, clock.instant())
          .ifPresent(
              event -> {
                try {
                  engine.deliver(rollout, event);
                } catch (RolloutRefusal e) {
                  // No longer awaited: the rollout moved on.
                }
              });
    }

    @Override
    public void timer(String rollout, String timer, Instant at) {
      carry(timer, "ScheduleTimer");
      timers.timer(rollout, timer, at);
    }

    @Override
    public void deadline(String rollout, long version, Instant at) {
      timers.deadline(rollout, version, at);
    }
  }
}
