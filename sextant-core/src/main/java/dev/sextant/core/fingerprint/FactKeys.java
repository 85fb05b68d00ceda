package dev.sextant.core.fingerprint;

import java.util.regex.Pattern;

/**
 * The shape of a fact key: lower-case dotted segments, each with an optional {@code [n]} index
 * ({@code os.id}, {@code gpu[0].memory}, {@code packages.libstdc++6}).
 *
 * <p>The same grammar as an Environment's declared facts ({@code factKey} in its schema), except
 * that segments after the first may hold capitals, because package names keep their case ({@code
 * packages.perl-Carp}); such facts are observed, never declared.
 */
public final class FactKeys {
  public static final int MAX_LENGTH = 253;

  private static final Pattern KEY =
      Pattern.compile(
          "[a-z][a-z0-9_]*(\\[[0-9]+\\])?(\\.[A-Za-z0-9_][A-Za-z0-9_+-]*(\\[[0-9]+\\])?)*");

  private FactKeys() {}

  public static boolean isValid(String key) {
    return key.length() <= MAX_LENGTH && KEY.matcher(key).matches();
  }

  /**
   * Returns the key when it is valid.
   *
   * @throws IllegalArgumentException saying what a key looks like
   */
  public static String check(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException(
          "\""
              + key
              + "\" is not a fact key; expected lower-case dotted segments of at most "
              + MAX_LENGTH
              + " characters, each with an optional [n] index, such as os.id,"
              + " gpu.driver.version or gpu[0].memory");
    }
    return key;
  }
}
