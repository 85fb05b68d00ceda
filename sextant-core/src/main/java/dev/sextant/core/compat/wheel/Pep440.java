package dev.sextant.core.compat.wheel;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version in its normal form, as {@code str(packaging.version.Version(text))} writes it:
 * {@code 1.0.0.RC1} becomes {@code 1.0.0rc1}, {@code 1.0_post1} becomes {@code 1.0.post1}.
 */
final class Pep440 {
  // packaging 26.2's VERSION_PATTERN (version.py), possessive quantifiers included, so that the
  // same texts are accepted; Java group names cannot hold '_'.
  private static final Pattern VERSION = Pattern.compile("""
      \\s*
      v?+
      (?:
          (?:(?<epoch>[0-9]+)!)?+
          (?<release>[0-9]+(?:\\.[0-9]+)*+)
          (?<pre>
              [._-]?+
              (?<prel>alpha|a|beta|b|preview|pre|c|rc)
              [._-]?+
              (?<pren>[0-9]+)?
          )?+
          (?<post>
              (?:-(?<postn1>[0-9]+))
              |
              (?:
                  [._-]?
                  (?<postl>post|rev|r)
                  [._-]?
                  (?<postn2>[0-9]+)?
              )
          )?+
          (?<dev>
              [._-]?+
              (?<devl>dev)
              [._-]?+
              (?<devn>[0-9]+)?
          )?+
      )
      (?:\\+
          (?<local>
              [a-z0-9]+
              (?:[._-][a-z0-9]+)*+
          )
      )?+
      \\s*
      """, Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);

  private static final Map<String, String> SPELLINGS = Map.of(
      "alpha", "a", "beta", "b", "c", "rc", "pre", "rc", "preview", "rc", "rev", "post", "r", "post");

  private Pep440() {}

  /**
   * The normal form of {@code text}.
   *
   * @throws IllegalArgumentException when {@code text} is not a PEP 440 version
   */
  static String normalize(String text) {
    Matcher m = VERSION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("version \"" + text + "\" is not a PEP 440 version");
    }
    StringBuilder out = new StringBuilder();
    BigInteger epoch = number(m.group("epoch"));
    if (epoch.signum() != 0) {
      out.append(epoch).append('!');
    }
    String[] release = m.group("release").split("\\.");
    for (int i = 0; i < release.length; i++) {
      out.append(i == 0 ? "" : ".").append(number(release[i]));
    }
    if (m.group("pre") != null) {
      out.append(letter(m.group("prel"))).append(number(m.group("pren")));
    }
    if (m.group("post") != null) {
      String n = m.group("postn1") != null ? m.group("postn1") : m.group("postn2");
      out.append(".post").append(number(n));
    }
    if (m.group("dev") != null) {
      out.append(".dev").append(number(m.group("devn")));
    }
    if (m.group("local") != null) {
      out.append('+');
      String[] parts = m.group("local").split("[._-]");
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i];
        out.append(i == 0 ? "" : ".")
            .append(part.chars().allMatch(c -> c >= '0' && c <= '9') ? number(part).toString() : part.toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }

  // An absent number is 0 (PEP 440's implicit pre-, post- and dev-release numbers); leading zeros
  // do not count.
  private static BigInteger number(String digits) {
    return digits == null ? BigInteger.ZERO : new BigInteger(digits);
  }

  private static String letter(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return SPELLINGS.getOrDefault(lower, lower);
  }
}
