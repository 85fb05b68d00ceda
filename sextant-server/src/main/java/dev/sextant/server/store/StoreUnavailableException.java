package dev.sextant.server.store;

import java.sql.SQLException;

/**
 * The database could not be opened or migrated. {@link #url()} is the JDBC URL with any password
 * masked, so the message can be shown and logged.
 */
public final class StoreUnavailableException extends StoreException {
  private static final int H2_DATABASE_IN_USE = 90020;

  private final String url;

  StoreUnavailableException(String url, String what, Throwable cause) {
    super(
        "cannot " + what + " the store at " + url + ": " + JdbcUrls.masked(describe(cause)), cause);
    this.url = url;
  }

  public String url() {
    return url;
  }

  /** The driver's own words when there are some, else the innermost cause with its type. */
  private static String describe(Throwable cause) {
    Throwable root = cause;
    for (Throwable t = cause; t != null && t != t.getCause(); t = t.getCause()) {
      // H2's "Database may be already in use": its own advice (server mode) is not ours to give.
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return "another process has it open (is a sextant server running on this data directory?"
            + " then talk to it with --server URL)";
      }
      if (t instanceof SQLException && t.getMessage() != null) {
        return t.getMessage();
      }
      root = t;
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + message;
  }
}
