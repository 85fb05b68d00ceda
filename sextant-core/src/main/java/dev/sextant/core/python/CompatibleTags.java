package dev.sextant.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * packaging's {@code compatible_tags}: pure-Python wheels built for a platform ({@code
 * py311-none-*}, {@code py3-none-*}, {@code py310-none-*} … {@code py30-none-*}), then the
 * interpreter's own {@code cp311-none-any}, then the universal ones ({@code py311-none-any} …
 * {@code py30-none-any}).
 */
final class CompatibleTags {
  private CompatibleTags() {}

  /**
   * @param interpreterAny the interpreter whose {@code -none-any} tag comes between the two runs
   *     ({@code cp311}, {@code pp3}), or null for none
   */
  static List<Tag> of(PythonVersion version, String interpreterAny, List<String> platforms) {
    List<String> pythons = pythonRange(version);
    List<Tag> tags = new ArrayList<>();
    for (String python : pythons) {
      platforms.forEach(platform -> tags.add(new Tag(python, "none", platform)));
    }
    if (interpreterAny != null) {
      tags.add(new Tag(interpreterAny, "none", "any"));
    }
    pythons.forEach(python -> tags.add(new Tag(python, "none", "any")));
    return tags;
  }

  /**
   * packaging's {@code _py_interpreter_range}: this version, the major alone, then every older
   * minor of that major ({@code py311}, {@code py3}, {@code py310} … {@code py30}).
   */
  static List<String> pythonRange(PythonVersion version) {
    List<String> pythons = new ArrayList<>();
    pythons.add("py" + version.nodot());
    pythons.add("py" + version.major());
    for (int minor = version.minor() - 1; minor >= 0; minor--) {
      pythons.add("py" + new PythonVersion(version.major(), minor).nodot());
    }
    return pythons;
  }
}
