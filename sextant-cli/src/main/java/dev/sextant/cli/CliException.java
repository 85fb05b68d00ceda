package dev.sextant.cli;

/**
 * A failure the user can act on, with the exit code it maps to. Its message is printed as is,
 * without a stack trace.
 */
public class CliException extends RuntimeException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static CliException notFound(String message) {
    return new CliException(ExitCode.NOT_FOUND, message);
  }

  public static CliException unavailable(String message, Throwable cause) {
    return new CliException(ExitCode.UNAVAILABLE, message, cause);
  }

  public static CliException conflict(String message) {
    return new CliException(ExitCode.CONFLICT, message);
  }

  public static CliException invalid(String message) {
    return new CliException(ExitCode.INVALID_INPUT, message);
  }
}
