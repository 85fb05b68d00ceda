package dev.sextant.core.plan;

import java.util.List;
import java.util.Objects;

/** One deep (tier 2) check of a variant and what running it on the target gave. */
public record CheckResult(String name, String description, List<String> command, CheckRun run) {
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    command = List.copyOf(command);
    Objects.requireNonNull(run, "run");
  }

  /** One line: how the check ended. */
  public String outcome() {
    if (run.error().isPresent()) {
      return "could not run: " + run.error().get();
    }
    if (run.timedOut()) {
      return "timed out";
    }
    return run.exitCode() == 0 ? "exit 0" : "exit " + run.exitCode();
  }
}
