package dev.sextant.core.compat.version;

import java.util.Locale;
import java.util.Optional;

/**
 * A Python version as PEP 440 defines it (https://peps.python.org/pep-0440/): {@code
 * [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}, read with the PEP's normalisation rules and
 * ordered as the PEP (and the {@code packaging} library) orders versions.
 *
 * <p>Normalisation accepts what the PEP accepts: any case, a leading {@code v}, surrounding white
 * space, {@code alpha/beta/c/pre/preview} for {@code a/b/rc}, {@code rev/r} and a bare {@code -N}
 * for post-releases, {@code -}, {@code _} or {@code .} as separators, implicit numbers ({@code
 * 1.0a} is {@code 1.0a0}), and {@code -}/{@code _} in local labels. {@link #toString()} gives the
 * normalised form, {@code 1.0-r4} as {@code 1.0.post4}.
 *
 * <p>Ordering: epoch, then release with trailing zeros ignored ({@code 1.0 == 1.0.0}), then
 * dev-releases of a release before its pre-releases, pre-releases before the release, the release
 * before its post-releases; a local label sorts after the same public version, numeric local
 * segments after alphanumeric ones. Parsing is a hand-written scanner, not a regular expression,
 * because environments' versions are read on every evaluation.
 */
public final class Pep440Version implements Comparable<Pep440Version> {
  static final int MAX_DIGITS = 18;
  // Ranks of the pre-release part; a release without one sorts after all of its pre-releases.
  static final int DEV_ONLY = -1;
  static final int ALPHA = 0;
  static final int BETA = 1;
  static final int CANDIDATE = 2;
  static final int FINAL = 3;
  static final long NONE = -1;

  private final long epoch;
  private final long[] release;
  private final int preRank;
  private final long preNumber;
  private final long post;
  private final long dev;
  private final String[] local;

  Pep440Version(
      long epoch,
      long[] release,
      int preRank,
      long preNumber,
      long post,
      long dev,
      String[] local) {
    this.epoch = epoch;
    this.release = release;
    this.preRank = preRank;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  /**
   * Reads a version.
   *
   * @throws IllegalArgumentException saying that the text is not a PEP 440 version, with an example
   */
  public static Pep440Version parse(String text) {
    Pep440Version version = read(text);
    if (version == null) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a PEP 440 version; expected one such as 3.11, 3.13.0rc1, 1!2.0.post1 or 1.0+local.7");
    }
    return version;
  }

  /** The version, or empty when {@code text} is not a PEP 440 version. */
  public static Optional<Pep440Version> tryParse(String text) {
    return Optional.ofNullable(read(text));
  }

  public long epoch() {
    return epoch;
  }

  /** The release segments as written, trailing zeros kept ({@code 3.11.0} has three). */
  public long[] release() {
    return release.clone();
  }

  int releaseLength() {
    return release.length;
  }

  long releaseSegment(int i) {
    return i < release.length ? release[i] : 0;
  }

  /** A pre-release ({@code a}, {@code b}, {@code rc}) or a dev-release, as PEP 440 counts them. */
  public boolean isPrerelease() {
    return preRank != FINAL || dev != NONE;
  }

  public boolean isPostrelease() {
    return post != NONE;
  }

  public boolean isDevrelease() {
    return dev != NONE;
  }

  public boolean hasLocal() {
    return local != null;
  }

  /** The public version: this one without its local label. */
  public Pep440Version publicVersion() {
    return local == null
        ? this
        : new Pep440Version(epoch, release, preRank, preNumber, post, dev, null);
  }

  /**
   * The epoch and release alone ({@code 1.0} for {@code 1.0rc1.post2+x}): the PEP's base version.
   */
  public Pep440Version baseVersion() {
    return new Pep440Version(epoch, release, FINAL, 0, NONE, NONE, null);
  }

  /**
   * Whether this version, with its release zero-padded, starts with {@code prefix} in the same
   * epoch.
   */
  boolean startsWith(long prefixEpoch, long[] prefix) {
    if (epoch != prefixEpoch) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (releaseSegment(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(Pep440Version other) {
    int c = Long.compare(epoch, other.epoch);
    if (c != 0) {
      return c;
    }
    int length = Math.max(release.length, other.release.length);
    for (int i = 0; i < length; i++) {
      c = Long.compare(releaseSegment(i), other.releaseSegment(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(preKey(), other.preKey());
    if (c != 0) {
      return c;
    }
    c = Long.compare(preNumber, other.preNumber);
    if (c != 0) {
      return c;
    }
    c = Long.compare(post, other.post);
    if (c != 0) {
      return c;
    }
    // No dev part sorts after every dev-release of the same version.
    c =
        Long.compare(
            dev == NONE ? Long.MAX_VALUE : dev, other.dev == NONE ? Long.MAX_VALUE : other.dev);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440Version other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    int significant = release.length;
    while (significant > 0 && release[significant - 1] == 0) {
      significant--;
    }
    int h = Long.hashCode(epoch);
    for (int i = 0; i < significant; i++) {
      h = 31 * h + Long.hashCode(release[i]);
    }
    h = 31 * h + preKey();
    h = 31 * h + Long.hashCode(preNumber);
    h = 31 * h + Long.hashCode(post);
    h = 31 * h + Long.hashCode(dev);
    if (local != null) {
      for (String segment : local) {
        h = 31 * h + (isDigits(segment) ? stripZeros(segment).hashCode() : segment.hashCode());
      }
    }
    return h;
  }

  /** The normalised form, e.g. {@code 1!2.0rc1.post3.dev4+ubuntu.1}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (epoch != 0) {
      out.append(epoch).append('!');
    }
    for (int i = 0; i < release.length; i++) {
      if (i > 0) {
        out.append('.');
      }
      out.append(release[i]);
    }
    if (preRank == ALPHA || preRank == BETA || preRank == CANDIDATE) {
      out.append(preRank == ALPHA ? "a" : preRank == BETA ? "b" : "rc").append(preNumber);
    }
    if (post != NONE) {
      out.append(".post").append(post);
    }
    if (dev != NONE) {
      out.append(".dev").append(dev);
    }
    if (local != null) {
      out.append('+').append(String.join(".", local));
    }
    return out.toString();
  }

  private int preKey() {
    // packaging's _cmpkey: a bare dev-release (1.0.dev1) sorts before 1.0a0.
    if (preRank == FINAL && post == NONE && dev != NONE) {
      return DEV_ONLY;
    }
    return preRank;
  }

  private static int compareLocal(String[] a, String[] b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    int shared = Math.min(a.length, b.length);
    for (int i = 0; i < shared; i++) {
      boolean numberA = isDigits(a[i]);
      boolean numberB = isDigits(b[i]);
      int c;
      if (numberA && numberB) {
        String x = stripZeros(a[i]);
        String y = stripZeros(b[i]);
        c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else if (numberA != numberB) {
        c = numberA ? 1 : -1;
      } else {
        c = a[i].compareTo(b[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Pep440Version read(String text) {
    if (text == null) {
      return null;
    }
    return new Pep440Scanner(text.strip().toLowerCase(Locale.ROOT)).version();
  }
}
