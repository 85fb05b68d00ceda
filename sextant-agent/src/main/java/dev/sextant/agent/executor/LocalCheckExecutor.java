package dev.sextant.agent.executor;

import dev.sextant.agent.probe.CommandResult;
import dev.sextant.agent.probe.CommandRunner;
import dev.sextant.agent.probe.ProcessCommandRunner;
import dev.sextant.core.plan.CheckExecutor;
import dev.sextant.core.plan.CheckRun;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.spec.Check;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs deep checks on this host, without a shell, each bounded by its timeout (60 s when the check
 * gives none), keeping the last 4 KiB of what it printed for the plan.
 */
public final class LocalCheckExecutor implements CheckExecutor {
  /** What a check may take when it does not say: long enough for an import of a large framework. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  static final int KEPT_OUTPUT = 4096;
  private static final int MAX_OUTPUT_BYTES = 1024 * 1024;

  private final CommandRunner runner;

  public LocalCheckExecutor(CommandRunner runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  public LocalCheckExecutor() {
    this(new ProcessCommandRunner(MAX_OUTPUT_BYTES));
  }

  /** Only this host: a fingerprint file or a stored environment may be anywhere. */
  @Override
  public boolean reaches(Target target) {
    return target.origin() == Target.Origin.THIS_HOST;
  }

  @Override
  public CheckRun run(Target target, Check check) {
    if (!reaches(target)) {
      throw new IllegalArgumentException(
          "the local executor does not reach " + target.environment());
    }
    CommandResult result = runner.run(check.command(), check.timeout().orElse(DEFAULT_TIMEOUT));
    String output = tail(result.output());
    return switch (result.status()) {
      case EXITED -> new CheckRun(result.exitCode(), false, output, Optional.empty());
      case TIMED_OUT -> new CheckRun(-1, true, output, Optional.empty());
      case NOT_FOUND ->
          new CheckRun(
              -1,
              false,
              output,
              Optional.of("no program " + check.command().get(0) + " on this host"));
      case FAILED_TO_START -> new CheckRun(-1, false, "", Optional.of(result.describe()));
    };
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= KEPT_OUTPUT
        ? trimmed
        : "…" + trimmed.substring(trimmed.length() - KEPT_OUTPUT);
  }
}
