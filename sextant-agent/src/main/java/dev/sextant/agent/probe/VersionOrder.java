package dev.sextant.agent.probe;

/**
 * A plain ordering of version strings: runs of digits compare as numbers, other runs as text, so
 * {@code 5.14.0-427.el9} sorts after {@code 5.14.0-70.el9}. Enough to choose among versions of one
 * package; not dpkg's or rpm's full rules (epochs, tildes).
 */
final class VersionOrder {
  private VersionOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      boolean digitA = Character.isDigit(a.charAt(i));
      boolean digitB = Character.isDigit(b.charAt(j));
      int endA = run(a, i, digitA);
      int endB = run(b, j, digitB);
      int cmp;
      if (digitA && digitB) {
        String x = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
        String y = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
        cmp = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      } else {
        cmp = a.substring(i, endA).compareTo(b.substring(j, endB));
      }
      if (cmp != 0) {
        return cmp;
      }
      i = endA;
      j = endB;
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int run(String s, int from, boolean digits) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end)) == digits) {
      end++;
    }
    return end;
  }
}
