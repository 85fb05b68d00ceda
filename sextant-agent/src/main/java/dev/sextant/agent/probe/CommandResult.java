package dev.sextant.agent.probe;

/**
 * How a command ended: it exited (with its code and both outputs), ran past its time limit, was not
 * found, or could not be started for another reason (the reason is in {@code stderr}).
 *
 * @param truncated whether either output was cut at the runner's size limit
 */
public record CommandResult(
    Status status, int exitCode, String stdout, String stderr, boolean truncated) {

  public enum Status {
    EXITED,
    TIMED_OUT,
    NOT_FOUND,
    FAILED_TO_START
  }

  public CommandResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public static CommandResult exited(int exitCode, String stdout, String stderr) {
    return new CommandResult(Status.EXITED, exitCode, stdout, stderr, false);
  }

  public static CommandResult ok(String stdout) {
    return exited(0, stdout, "");
  }

  public static CommandResult timedOut() {
    return new CommandResult(Status.TIMED_OUT, -1, "", "", false);
  }

  public static CommandResult notFound() {
    return new CommandResult(Status.NOT_FOUND, -1, "", "", false);
  }

  public static CommandResult failedToStart(String reason) {
    return new CommandResult(Status.FAILED_TO_START, -1, "", reason, false);
  }

  /** Exited with code 0. */
  public boolean succeeded() {
    return status == Status.EXITED && exitCode == 0;
  }

  public boolean notFoundOrCannotStart() {
    return status == Status.NOT_FOUND || status == Status.FAILED_TO_START;
  }

  /** Both outputs together: several tools print their errors on stdout, others on stderr. */
  public String output() {
    return stdout.isEmpty() ? stderr : stderr.isEmpty() ? stdout : stdout + "\n" + stderr;
  }

  /** A one-line account for warnings: {@code exit 9: NVIDIA-SMI has failed because …}. */
  public String describe() {
    return switch (status) {
      case TIMED_OUT -> "timed out";
      case NOT_FOUND -> "not found";
      case FAILED_TO_START -> "could not start: " + firstLine(stderr);
      case EXITED -> "exit " + exitCode + (output().isBlank() ? "" : ": " + firstLine(output()));
    };
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("").strip();
  }
}
