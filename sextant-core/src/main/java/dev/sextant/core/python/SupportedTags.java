package dev.sextant.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * The wheel tags an interpreter accepts, most preferred first, exactly as packaging's {@code
 * tags.sys_tags()} lists them (packaging 26.2): the interpreter's own tags ({@code cpython_tags}
 * for CPython, {@code generic_tags} otherwise), then {@code compatible_tags}. Preference follows
 * PEP 425: interpreter first, then platform, then ABI.
 */
public final class SupportedTags {
  private SupportedTags() {}

  public static List<Tag> compute(Interpreter interpreter) {
    List<String> platforms = PlatformTags.of(interpreter.platform());
    List<Tag> tags = new ArrayList<>();
    if (interpreter.implementation().isCpython()) {
      tags.addAll(cpython(interpreter, platforms));
    } else {
      tags.addAll(generic(interpreter, platforms));
    }
    String interpreterAny =
        interpreter.implementation().isPypy()
            ? "pp3"
            : interpreter.implementation().isCpython() ? interpreter.interpreterTag() : null;
    tags.addAll(CompatibleTags.of(interpreter.version(), interpreterAny, platforms));
    return List.copyOf(tags);
  }

  /** The same, spelled as strings: {@code cp311-cp311-manylinux_2_36_x86_64}, … */
  public static List<String> computeStrings(Interpreter interpreter) {
    return compute(interpreter).stream().map(Tag::toString).toList();
  }

  /**
   * packaging's {@code cpython_tags}: {@code cp311-<abi>-*} for each of its ABIs, {@code
   * cp311-abi3-*} (or {@code abi3t} when free-threaded), {@code cp311-none-*}, then the stable ABI
   * of every older minor down to 3.2 ({@code cp310-abi3-*} … {@code cp32-abi3-*}).
   */
  private static List<Tag> cpython(Interpreter interpreter, List<String> platforms) {
    String self = interpreter.interpreterTag();
    List<Tag> tags = new ArrayList<>();
    for (String abi : interpreter.abis()) {
      if (!abi.equals("abi3") && !abi.equals("none")) {
        platforms.forEach(platform -> tags.add(new Tag(self, abi, platform)));
      }
    }
    boolean abi3 = interpreter.supportsAbi3();
    boolean abi3t = interpreter.supportsAbi3t();
    if (abi3) {
      platforms.forEach(platform -> tags.add(new Tag(self, "abi3", platform)));
    }
    if (abi3t) {
      platforms.forEach(platform -> tags.add(new Tag(self, "abi3t", platform)));
    }
    platforms.forEach(platform -> tags.add(new Tag(self, "none", platform)));
    if (abi3 || abi3t) {
      int major = interpreter.version().major();
      for (int minor = interpreter.version().minor() - 1; minor > 1; minor--) {
        String older = "cp" + new PythonVersion(major, minor).nodot();
        for (String platform : platforms) {
          if (abi3) {
            tags.add(new Tag(older, "abi3", platform));
          }
          if (abi3t) {
            tags.add(new Tag(older, "abi3t", platform));
          }
        }
      }
    }
    return tags;
  }

  /** packaging's {@code generic_tags}: {@code pp310-pypy310_pp73-*}, then {@code pp310-none-*}. */
  private static List<Tag> generic(Interpreter interpreter, List<String> platforms) {
    List<String> abis = new ArrayList<>(interpreter.abis());
    if (!abis.contains("none")) {
      abis.add("none");
    }
    List<Tag> tags = new ArrayList<>();
    for (String abi : abis) {
      platforms.forEach(platform -> tags.add(new Tag(interpreter.interpreterTag(), abi, platform)));
    }
    return tags;
  }
}
