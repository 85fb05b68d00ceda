package dev.sextant.sample;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, enough to hold the service to it: every line
 * is a HELP, a TYPE or a sample, every sample belongs to a family whose TYPE came first, and the
 * text ends with a line feed.
 */
final class Exposition {
  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");
  private static final Pattern TYPE =
      Pattern.compile(
          "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)"
              + "(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\""
              + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})?"
              + " (\\S+)");

  private Exposition() {}

  /** Each sample's value by its name and labels as written, e.g. {@code a_total{code="200"}}. */
  static Map<String, Double> parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the text does not end with a line feed");
    }
    Map<String, Double> samples = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> helped = new HashSet<>();
    for (String line : text.split("\n")) {
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        if (!helped.add(m.group(1))) {
          throw new IllegalArgumentException("a second HELP for " + m.group(1));
        }
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null) {
          throw new IllegalArgumentException("a second TYPE for " + m.group(1));
        }
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String family = family(m.group(1), types);
        if (family == null) {
          throw new IllegalArgumentException("a sample before its TYPE: " + line);
        }
        double value = Double.parseDouble(m.group(3).replace("+Inf", "Infinity"));
        String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
        if (samples.put(key, value) != null) {
          throw new IllegalArgumentException("a second sample " + key);
        }
      } else {
        throw new IllegalArgumentException("not a line of the format: '" + line + "'");
      }
    }
    return samples;
  }

  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if ("histogram".equals(types.get(base))) {
          return base;
        }
      }
    }
    return null;
  }
}
