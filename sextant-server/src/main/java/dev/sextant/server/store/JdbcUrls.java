package dev.sextant.server.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** JDBC URLs: the embedded H2 URL for a data directory, and URLs made safe to show. */
public final class JdbcUrls {
  private static final Pattern PASSWORD_SETTING =
      Pattern.compile("(?i)(password|pwd|sslpassword)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

  private JdbcUrls() {}

  /**
   * The embedded H2 database {@code sextant} in a data directory. The database closes when the pool
   * closes its last connection (H2's default), which releases the file lock so that the same
   * directory can be opened again; a file database needs no {@code DB_CLOSE_DELAY} to keep data.
   *
   * <p>{@code WRITE_DELAY=0}: each commit is written to the database file before {@code commit()}
   * returns (H2's MVStore stores its changes at the end of every transaction rather than from a
   * background thread up to 500 ms later, H2's default), so a write the server confirmed survives a
   * kill of the process. H2 does not fsync at a commit, so a power loss or a kernel crash can still
   * lose the last commits that the operating system had not yet written out; PostgreSQL is the
   * store that promises that.
   */
  public static String h2(Path dataDirectory) {
    String path = dataDirectory.toAbsolutePath().normalize().resolve("sextant").toString();
    if (path.contains(";")) {
      throw new IllegalArgumentException(
          "the data directory must not contain ';', which H2 reads as a setting: " + dataDirectory);
    }
    return "jdbc:h2:file:" + path + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
  }

  /**
   * The URL to connect with: an H2 URL gets {@code TRACE_LEVEL_FILE=0} unless it sets a trace level
   * itself, since H2 would otherwise write its own stack traces into a {@code .trace.db} file
   * beside the data (and to the terminal when it cannot), for failures Sextant reports in words.
   */
  static String quiet(String url) {
    if (!url.startsWith("jdbc:h2:")
        || url.toUpperCase(java.util.Locale.ROOT).contains(";TRACE_LEVEL_FILE=")) {
      return url;
    }
    return url + ";TRACE_LEVEL_FILE=0";
  }

  /** The URL with every password replaced by {@code ***}, fit for messages and logs. */
  public static String masked(String url) {
    String masked = PASSWORD_SETTING.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(masked).replaceAll("//$1:***@");
  }
}
