package dev.sextant.core.python;

import java.util.Locale;
import java.util.Objects;

/**
 * One wheel compatibility tag (PEP 425): the interpreter, the ABI and the platform a wheel is built
 * for, written {@code cp311-cp311-manylinux_2_17_x86_64}. Parts are lower-cased as packaging's
 * {@code Tag} does.
 */
public record Tag(String interpreter, String abi, String platform) {
  public Tag {
    interpreter = Objects.requireNonNull(interpreter, "interpreter").toLowerCase(Locale.ROOT);
    abi = Objects.requireNonNull(abi, "abi").toLowerCase(Locale.ROOT);
    platform = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
