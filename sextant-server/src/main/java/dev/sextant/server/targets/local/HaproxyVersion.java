package dev.sextant.server.targets.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy's version as {@code haproxy -v} prints it. Sextant needs 2.6 or newer (Debian bookworm's
 * package): older releases lack parts of the runtime API it uses.
 *
 * @param major the first number
 * @param minor the second number
 * @param full the whole version word, such as {@code 2.6.12-1+deb12u3}
 */
public record HaproxyVersion(int major, int minor, String full) {
  public static final HaproxyVersion MINIMUM = new HaproxyVersion(2, 6, "2.6");

  private static final Pattern BANNER =
      Pattern.compile("HA-?Proxy version (([0-9]+)\\.([0-9]+)\\S*)");

  /**
   * Reads the version from {@code haproxy -v}'s output.
   *
   * @throws IllegalArgumentException when the output names no version
   */
  public static HaproxyVersion parse(String output) {
    Matcher m = BANNER.matcher(output);
    if (!m.find()) {
      throw new IllegalArgumentException("no HAProxy version in: " + output.strip());
    }
    return new HaproxyVersion(
        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(1));
  }

  public boolean isAtLeast(HaproxyVersion other) {
    return major != other.major ? major > other.major : minor >= other.minor;
  }
}
