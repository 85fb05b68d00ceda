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
   */
  public static String h2(Path dataDirectory) {
    String path = dataDirectory.toAbsolutePath().normalize().resolve("sextant").toString();
    if (path.contains(";")) {
      throw new IllegalArgumentException(
          "the data directory must not contain ';', which H2 reads as a setting: " + dataDirectory);
    }
    return "jdbc:h2:file:" + path + ";AUTO_SERVER=FALSE";
  }

  /** The URL with every password replaced by {@code ***}, fit for messages and logs. */
  public static String masked(String url) {
    String masked = PASSWORD_SETTING.matcher(url).replaceAll("$1=***");
    return USER_INFO.matcher(masked).replaceAll("//$1:***@");
  }
}
