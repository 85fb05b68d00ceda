package dev.sextant.agent.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured reachability check: can this host open a TCP connection to {@code host:port}
 * within {@code timeout}? Its answer is the fact {@code network.reach.<name>}.
 */
public record ReachCheck(String name, String host, int port, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  public ReachCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(timeout, "timeout");
    if (!name.matches("[a-z0-9]([a-z0-9_-]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "reach check name must be lower-case letters, digits, '-' and '_': '" + name + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range for reach check " + name + ": " + port);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive for reach check " + name);
    }
  }

  public ReachCheck(String name, String host, int port) {
    this(name, host, port, DEFAULT_TIMEOUT);
  }

  public String factKey() {
    return "network.reach." + name;
  }
}
