package dev.sextant.agent.report;

/** A failed call to the server, and whether trying again later may succeed. */
public final class ReportException extends RuntimeException {
  private final boolean retryable;

  public ReportException(boolean retryable, String message) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
