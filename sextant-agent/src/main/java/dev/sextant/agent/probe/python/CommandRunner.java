package dev.sextant.agent.probe.python;

import java.time.Duration;
import java.util.List;

/**
 * Runs one external command within a time limit. Probes take one, so that tests hand them recorded
 * outputs instead of the host's tools.
 */
@FunctionalInterface
public interface CommandRunner {
  /** Never throws for a missing or hanging tool: that is a {@link CommandResult}. */
  CommandResult run(List<String> command, Duration timeout);
}
