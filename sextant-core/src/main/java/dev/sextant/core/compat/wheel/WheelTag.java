package dev.sextant.core.compat.wheel;

import java.util.Locale;
import java.util.Objects;

/**
 * One compatibility tag (PEP 425): the Python it runs on, the ABI it needs and the platform it was
 * built for, such as {@code cp311-cp311-manylinux_2_17_x86_64}.
 *
 * <p>Parts are lower-cased, as packaging's {@code Tag} does, so that they compare with the tags an
 * environment lists.
 */
public record WheelTag(String interpreter, String abi, String platform)
    implements Comparable<WheelTag> {

  public WheelTag {
    interpreter = part(interpreter, "interpreter");
    abi = part(abi, "abi");
    platform = part(platform, "platform");
  }

  private static String part(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty() || value.indexOf('-') >= 0) {
      throw new IllegalArgumentException(
          "tag " + name + " \"" + value + "\" must be non-empty and contain no '-'");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public int compareTo(WheelTag other) {
    return toString().compareTo(other.toString());
  }

  /** As pip and {@code python.tags} spell it: {@code interpreter-abi-platform}. */
  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
