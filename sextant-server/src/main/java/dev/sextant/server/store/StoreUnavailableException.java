package dev.sextant.server.store;

import java.sql.SQLException;

/**
 * The database could not be opened or migrated. {@link #url()} is the JDBC URL with any password
 * masked, so the message can be shown and logged.
 */
public final class StoreUnavailableException extends StoreException {
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
