package dev.sextant.server.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rollout driven to its end in a process of its own, so that {@link RolloutSigkillTest} can
 * SIGKILL it anywhere and start it again on the same store and journal.
 *
 * <p>Arguments: the store (an H2 data directory, or a {@code jdbc:postgresql:} URL), the journal
 * file, {@code --blue-green} to roll out by {@link #blueGreen()} rather than {@link #canary()},
 * then at most one place to hold still for the kill: {@code --hold-after-move=N} (move N committed
 * and its commands carried out), {@code --hold-before-key=KEY} (the command's move is committed,
 * the command not carried out), {@code --hold-after-key=KEY} (carried out and journaled, not yet
 * marked done in the store). Holding prints {@code holding} and sleeps until killed.
 *
 * <p>Its target journals {@code KEY TYPE} for each command and forces the line to disk before it
 * returns, and does nothing for a key already journaled, as an idempotent target does with the key;
 * so the journal holds each command the rollout carried out, as many times as it was carried out.
 * It prints {@code moved N} after each committed move, and exits 0 once the rollout has ended.
 */
public final class RolloutDriver {
  static final String ROLLOUT = "r1";

  // A fixed clock: the driver answers timers itself, so no time need pass.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  private final Path journal;
  private final Optional<String> holdBeforeKey;
  private final Optional<String> holdAfterKey;
  private final Set<String> journaled = new HashSet<>();

  /** The journal's lines, each {@code KEY TYPE} split in two. */
  private final List<String[]> lines = new ArrayList<>();

  private RolloutDriver(Path journal, Optional<String> holdBeforeKey, Optional<String> holdAfterKey)
      throws IOException {
    this.journal = journal;
    this.holdBeforeKey = holdBeforeKey;
    this.holdAfterKey = holdAfterKey;
    if (Files.exists(journal)) {
      for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
        String[] parts = line.split(" ");
        journaled.add(parts[0]);
        lines.add(parts);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    String store = args[0];
    Path journal = Path.of(args[1]);
    long holdAfterMove = -1;
    Optional<String> holdBeforeKey = Optional.empty();
    Optional<String> holdAfterKey = Optional.empty();
    ObjectNode strategy = canary();
    for (int i = 2; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--blue-green")) {
        strategy = blueGreen();
      } else if (arg.startsWith("--hold-after-move=")) {
        holdAfterMove = Long.parseLong(arg.substring("--hold-after-move=".length()));
      } else if (arg.startsWith("--hold-before-key=")) {
        holdBeforeKey = Optional.of(arg.substring("--hold-before-key=".length()));
      } else if (arg.startsWith("--hold-after-key=")) {
        holdAfterKey = Optional.of(arg.substring("--hold-after-key=".length()));
      } else {
        System.err.println("driver: unknown flag " + arg);
        System.exit(2);
      }
    }
    Database database =
        store.startsWith("jdbc:")
            ? Database.open(store, Optional.empty(), Optional.empty(), CLOCK)
            : Database.h2(Path.of(store), CLOCK);
    RolloutDriver driver = new RolloutDriver(journal, holdBeforeKey, holdAfterKey);
    Carrying target = driver.new Carrying();
    RolloutEngine engine = new RolloutEngine(database, target, target, CLOCK);

    engine.recover();
    RolloutState state;
    if (database.read("find " + ROLLOUT, tx -> tx.rollouts().find(ROLLOUT)).isPresent()) {
      state = engine.state(ROLLOUT);
    } else {
      state =
          engine.start(
              ROLLOUT,
              "sample",
              "dev",
              new Revisions("sample-1", "sample-2"),
              2,
              strategy,
              "alice");
      driver.moved(state, holdAfterMove);
    }
    while (!state.phase().terminal()) {
      state = engine.deliver(ROLLOUT, driver.answer());
      driver.moved(state, holdAfterMove);
    }
    database.close();
    System.out.println("ended " + state.phase());
    System.out.flush();
    System.exit(0);
  }

  private void moved(RolloutState state, long holdAfterMove) {
    System.out.println("moved " + state.version());
    System.out.flush();
    if (state.version() == holdAfterMove) {
      hold();
    }
  }

  /**
   * What the last command carried out asks for, as a target, a timer, an analysis or an approver
   * would answer it (as {@code RolloutEngineTest.driveToTheEnd} does).
   */
  private RolloutEvent answer() {
    // A timer is named by its command's key (Progress), so the last key names the timer.
    String[] last = lines.get(lines.size() - 1);
    return switch (last[1]) {
      case "ScheduleTimer" -> new RolloutEvent.TimerFired(CLOCK.instant(), last[0]);
      case "StartAnalysis" ->
          new RolloutEvent.MeasurementTaken(CLOCK.instant(), RolloutEvent.Verdict.SUCCESSFUL, "ok");
      case "RequestApproval" -> new RolloutEvent.Approved(CLOCK.instant(), "carol");
      // A scale step's commands come in pairs (canary, stable); it ends when both are ready.
      case "ScaleInstances" -> new RolloutEvent.InstancesReady(CLOCK.instant());
      default -> new RolloutEvent.StepFinished(CLOCK.instant());
    };
  }

  private void carry(String key, String type) {
    if (journaled.contains(key)) {
      return;
    }
    if (holdBeforeKey.filter(key::equals).isPresent()) {
      hold();
    }
    try (FileChannel channel =
        FileChannel.open(
            journal,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.wrap((key + " " + type + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    journaled.add(key);
    lines.add(new String[] {key, type});
    if (holdAfterKey.filter(key::equals).isPresent()) {
      hold();
    }
  }

  private static void hold() {
    System.out.println("holding");
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.exit(3);
  }

  static ObjectNode canary() {
    try {
      return (ObjectNode)
          new ObjectMapper(new YAMLFactory())
              .readTree(Path.of("..", "examples", "strategies", "canary-standard.yaml").toFile())
              .path("spec");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Blue-green: green started beside blue, its preview analysed, all traffic switched at once, blue
   * kept for a while after. No delay before the switch: it is a timed pause, as the canary's are,
   * and each step more costs the kill tests two more processes.
   */
  static ObjectNode blueGreen() {
    try {
      return (ObjectNode)
          new ObjectMapper()
              .readTree(
                  """
                  {"blueGreen": {"previewAnalysis": {"templates": ["smoke"]},
                                 "scaleDownDelay": "5m"},
                   "abort": {"onFailure": "rollback", "progressDeadline": "30m"}}
                  """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The target and the timers both: a timer scheduled is a command journaled like the others. */
  private final class Carrying implements RolloutTarget, RolloutTimers {
    @Override
    public void run(String rollout, RolloutCommand command) {
      carry(command.idempotencyKey(), command.getClass().getSimpleName());
    }

    @Override
    public void timer(String rollout, String timer, Instant at) {
      carry(timer, "ScheduleTimer");
    }

    @Override
    public void deadline(String rollout, long version, Instant at) {}
  }
}
