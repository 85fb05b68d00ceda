package dev.sextant.core.compat.wheel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an environment refuses a wheel, in words: which part of the wheel's tags (interpreter, ABI,
 * platform) the environment's list never accepts, and for platforms the reason a person can act on
 * (another architecture, too new a glibc, musl rather than glibc, not Linux at all).
 *
 * <p>Only reached when no tag matched, so it may take a second pass over the list.
 */
final class Mismatch {
  // PEP 600 names; the legacy aliases are PEP 513 (manylinux1), PEP 571 (manylinux2010) and PEP 599
  // (manylinux2014).
  private static final Pattern MANYLINUX = Pattern.compile("manylinux_(\\d{1,9})_(\\d{1,9})_(.+)");
  private static final Pattern LEGACY =
      Pattern.compile("(manylinux1|manylinux2010|manylinux2014)_(.+)");
  private static final Map<String, int[]> LEGACY_GLIBC =
      Map.of(
          "manylinux1",
          new int[] {2, 5},
          "manylinux2010",
          new int[] {2, 12},
          "manylinux2014",
          new int[] {2, 17});
  // PEP 656.
  private static final Pattern MUSLLINUX = Pattern.compile("musllinux_(\\d{1,9})_(\\d{1,9})_(.+)");
  private static final Pattern PYTHON = Pattern.compile("(cp|py)(\\d)(\\d{0,8})");
  private static final int MOST_REASONS = 3;

  private Mismatch() {}

  /** Why none of {@code wheel}'s tags is in {@code supported}. */
  static String explain(SortedSet<WheelTag> wheel, List<String> supported) {
    if (supported.isEmpty()) {
      return "the environment's python.tags is empty";
    }
    Environment env = Environment.of(supported);
    Set<String> reasons = new LinkedHashSet<>();
    if (wheel.stream().noneMatch(tag -> env.interpreters.contains(tag.interpreter()))) {
      wheel.forEach(tag -> reasons.add(interpreter(tag.interpreter(), env)));
    }
    if (wheel.stream().noneMatch(tag -> env.abis.contains(tag.abi()))) {
      wheel.forEach(tag -> reasons.add("ABI " + tag.abi() + " vs the environment's " + env.abi));
    }
    if (wheel.stream().noneMatch(tag -> env.platforms.contains(tag.platform()))) {
      Set<String> platforms = new LinkedHashSet<>();
      wheel.forEach(tag -> platforms.add(tag.platform()));
      // manylinux_2_17_x86_64.manylinux2014_x86_64 names one platform twice; say why once.
      platforms.removeIf(
          platform ->
              platforms.contains(canonical(platform)) && !canonical(platform).equals(platform));
      platforms.forEach(platform -> reasons.add(platform(platform, env)));
    }
    if (reasons.isEmpty()) {
      return "the environment accepts each part of "
          + String.join(", ", names(wheel))
          + (wheel.size() == 1 ? " but not in this combination" : " but not in these combinations");
    }
    List<String> shown =
        new ArrayList<>(reasons).subList(0, Math.min(MOST_REASONS, reasons.size()));
    String more =
        reasons.size() > MOST_REASONS ? "; and " + (reasons.size() - MOST_REASONS) + " more" : "";
    return String.join("; ", shown) + more;
  }

  private static String interpreter(String interpreter, Environment env) {
    Matcher wheel = PYTHON.matcher(interpreter);
    Matcher own = PYTHON.matcher(env.interpreter);
    if (wheel.matches() && own.matches()) {
      if (!wheel.group(2).equals(own.group(2))) {
        return "interpreter "
            + interpreter
            + " is for Python "
            + wheel.group(2)
            + "; the environment runs "
            + env.interpreter;
      }
      if (!wheel.group(3).isEmpty()
          && !own.group(3).isEmpty()
          && Integer.parseInt(wheel.group(3)) > Integer.parseInt(own.group(3))) {
        return "interpreter "
            + interpreter
            + " needs Python "
            + wheel.group(2)
            + "."
            + wheel.group(3)
            + "; the environment runs "
            + env.interpreter;
      }
    }
    return "interpreter "
        + interpreter
        + " is not one the environment's Python ("
        + env.interpreter
        + ") accepts";
  }

  private static String platform(String platform, Environment env) {
    Matcher manylinux = MANYLINUX.matcher(platform);
    Matcher legacy = LEGACY.matcher(platform);
    if (manylinux.matches() || legacy.matches()) {
      int[] glibc =
          manylinux.matches()
              ? new int[] {
                Integer.parseInt(manylinux.group(1)), Integer.parseInt(manylinux.group(2))
              }
              : LEGACY_GLIBC.get(legacy.group(1));
      String arch = manylinux.matches() ? manylinux.group(3) : legacy.group(2);
      String name =
          "platform "
              + platform
              + (legacy.matches() ? " (= manylinux_" + glibc[0] + "_" + glibc[1] + ")" : "");
      return libc(
          name,
          "glibc",
          glibc,
          arch,
          env.newestManylinux,
          env.oldestManylinux,
          env.newestMusllinux,
          env);
    }
    Matcher musllinux = MUSLLINUX.matcher(platform);
    if (musllinux.matches()) {
      int[] musl = {Integer.parseInt(musllinux.group(1)), Integer.parseInt(musllinux.group(2))};
      return libc(
          "platform " + platform,
          "musl",
          musl,
          musllinux.group(3),
          env.newestMusllinux,
          env.oldestMusllinux,
          env.newestManylinux,
          env);
    }
    if (platform.startsWith("linux_")) {
      String arch = platform.substring("linux_".length());
      if (env.arch.isEmpty()) {
        return "platform "
            + platform
            + " is a Linux tag; the environment's platform is "
            + env.platform;
      }
      if (!arch.equals(env.arch)) {
        return "platform " + platform + " is for " + arch + "; the environment is " + env.arch;
      }
    } else if (!env.arch.isEmpty() && !platform.equals("any")) {
      return "platform " + platform + " is not a Linux tag; the environment is linux_" + env.arch;
    }
    return "platform "
        + platform
        + " is not among the environment's platforms ("
        + env.platform
        + " …)";
  }

  /**
   * A manylinux or musllinux platform: Linux, then the architecture, then the C library and its
   * version.
   */
  private static String libc(
      String name,
      String libc,
      int[] needed,
      String arch,
      Libc newest,
      Libc oldest,
      Libc other,
      Environment env) {
    if (env.arch.isEmpty()) {
      return name + " is a Linux tag; the environment's platform is " + env.platform;
    }
    if (!arch.equals(env.arch)) {
      return name + " is for " + arch + "; the environment is " + env.arch;
    }
    String family = libc.equals("glibc") ? "manylinux" : "musllinux";
    if (newest == null) {
      return name
          + " needs "
          + libc
          + "; the environment lists no "
          + family
          + " tags"
          + (other == null
              ? ""
              : " (its C library is "
                  + (libc.equals("glibc") ? "musl" : "glibc")
                  + ", newest tag "
                  + other.tag
                  + ")");
    }
    if (compare(needed, newest.version) > 0) {
      return name
          + " needs "
          + libc
          + " ≥ "
          + needed[0]
          + "."
          + needed[1]
          + " but the environment's newest "
          + family
          + " tag is "
          + newest.tag;
    }
    if (compare(needed, oldest.version) < 0) {
      return name
          + " is older than the oldest "
          + family
          + " tag the environment accepts, "
          + oldest.tag;
    }
    return name + " is not among the environment's platforms (" + env.platform + " …)";
  }

  /** A legacy manylinux platform by its PEP 600 name; any other platform as it is. */
  private static String canonical(String platform) {
    Matcher legacy = LEGACY.matcher(platform);
    if (!legacy.matches()) {
      return platform;
    }
    int[] glibc = LEGACY_GLIBC.get(legacy.group(1));
    return "manylinux_" + glibc[0] + "_" + glibc[1] + "_" + legacy.group(2);
  }

  private static int compare(int[] a, int[] b) {
    return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
  }

  private static List<String> names(SortedSet<WheelTag> tags) {
    return tags.stream().map(WheelTag::toString).toList();
  }

  private record Libc(String tag, int[] version) {}

  /** What the environment's list says about it, read in one pass. */
  private static final class Environment {
    final Set<String> interpreters = new LinkedHashSet<>();
    final Set<String> abis = new LinkedHashSet<>();
    final Set<String> platforms = new LinkedHashSet<>();
    String interpreter = "";
    String abi = "";
    String platform = "";
    String arch = "";
    Libc newestManylinux;
    Libc oldestManylinux;
    Libc newestMusllinux;
    Libc oldestMusllinux;

    static Environment of(List<String> supported) {
      Environment env = new Environment();
      for (String tag : supported) {
        String[] parts = tag.split("-", -1);
        if (parts.length != 3) {
          continue;
        }
        if (env.interpreters.isEmpty()) {
          env.interpreter = parts[0];
          env.abi = parts[1];
          env.platform = parts[2];
        }
        env.interpreters.add(parts[0]);
        env.abis.add(parts[1]);
        env.platforms.add(parts[2]);
      }
      for (String platform : env.platforms) {
        if (env.arch.isEmpty() && platform.startsWith("linux_")) {
          env.arch = platform.substring("linux_".length());
        }
        Matcher manylinux = MANYLINUX.matcher(platform);
        if (manylinux.matches()) {
          Libc libc =
              new Libc(
                  platform,
                  new int[] {
                    Integer.parseInt(manylinux.group(1)), Integer.parseInt(manylinux.group(2))
                  });
          env.newestManylinux = newer(env.newestManylinux, libc, 1);
          env.oldestManylinux = newer(env.oldestManylinux, libc, -1);
        }
        Matcher musllinux = MUSLLINUX.matcher(platform);
        if (musllinux.matches()) {
          Libc libc =
              new Libc(
                  platform,
                  new int[] {
                    Integer.parseInt(musllinux.group(1)), Integer.parseInt(musllinux.group(2))
                  });
          env.newestMusllinux = newer(env.newestMusllinux, libc, 1);
          env.oldestMusllinux = newer(env.oldestMusllinux, libc, -1);
        }
      }
      return env;
    }

    // Compared rather than trusted to the order, so a list written by hand is read right too.
    private static Libc newer(Libc kept, Libc seen, int direction) {
      return kept == null || Integer.signum(compare(seen.version, kept.version)) == direction
          ? seen
          : kept;
    }
  }
}
