package dev.sextant.server.work;

import java.time.Duration;
import java.util.Objects;

/**
 * How one node claims due work and keeps it. db-scheduler's own defaults (a poll every 10 s, a
 * heartbeat every 5 minutes, dead after 6 missed) would leave a dead replica's work untouched for
 * half an hour; {@link #defaults(String)} is tuned for seconds.
 *
 * @param nodeName the name this node claims executions under (db-scheduler's {@code picked_by}),
 *     unique in the cluster, at most 50 characters
 * @param pollingInterval how long the node waits between looks for due work when nothing wakes it
 * @param heartbeatInterval how often the node marks the executions it runs as alive
 * @param missedHeartbeatsLimit how many heartbeats an execution may miss before another node
 *     revives it as dead, at least {@value #MIN_MISSED_HEARTBEATS_LIMIT}
 * @param threads how many executions run at once on this node
 * @param shutdownMaxWait how long closing waits for running executions before it interrupts them,
 *     and again after
 */
public record WorkSettings(
    String nodeName,
    Duration pollingInterval,
    Duration heartbeatInterval,
    int missedHeartbeatsLimit,
    int threads,
    Duration shutdownMaxWait) {

  /** The longest name db-scheduler keeps in {@code picked_by}; a longer one would be cut. */
  public static final int MAX_NODE_NAME_LENGTH = 50;

  /** db-scheduler refuses fewer, so that one slow heartbeat never makes a live run look dead. */
  public static final int MIN_MISSED_HEARTBEATS_LIMIT = 4;

  public WorkSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    if (nodeName.isBlank() || nodeName.length() > MAX_NODE_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a node name must be 1 to " + MAX_NODE_NAME_LENGTH + " characters: '" + nodeName + "'");
    }
    requirePositive(pollingInterval, "pollingInterval");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(shutdownMaxWait, "shutdownMaxWait");
    if (missedHeartbeatsLimit < MIN_MISSED_HEARTBEATS_LIMIT) {
      throw new IllegalArgumentException(
          "missedHeartbeatsLimit must be at least "
              + MIN_MISSED_HEARTBEATS_LIMIT
              + ": "
              + missedHeartbeatsLimit);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /**
   * A poll every second, a heartbeat every 2 s, dead after 3 missed (6 s), 4 threads, and up to 10
   * s (twice) for running executions to finish on close.
   */
  public static WorkSettings defaults(String nodeName) {
    return new WorkSettings(
        nodeName, Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 4, Duration.ofSeconds(10));
  }

  /**
   * How long an execution goes without a heartbeat before another node may revive it. Nodes look
   * for such executions every two heartbeat intervals, so a dead node's work runs again within this
   * plus two heartbeat intervals plus one poll.
   */
  public Duration deadAfter() {
    return heartbeatInterval.multipliedBy(missedHeartbeatsLimit);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
