package dev.sextant.server.targets.local;

/**
 * HAProxy refused a runtime command, could not be reached, or could not be started. The message
 * carries HAProxy's own words where it gave any.
 */
public final class HaproxyException extends RuntimeException {
  private final String command;

  HaproxyException(String command, String message) {
    super(message);
    this.command = command;
  }

  HaproxyException(String command, String message, Throwable cause) {
    super(message, cause);
    this.command = command;
  }

  /** The runtime command or process action this is about. */
  public String command() {
    return command;
  }
}
