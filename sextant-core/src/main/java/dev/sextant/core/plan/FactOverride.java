package dev.sextant.core.plan;

import dev.sextant.core.fingerprint.FactKeys;
import java.util.Objects;

/**
 * One fact as a what-if supposes it, as written ({@code gpu.driver.version=575.57.08}): the value
 * is still text, since its type is the fact's, which only the environments tell (see {@link
 * WhatIf#of}).
 */
public record FactOverride(String key, String value) {
  public FactOverride {
    FactKeys.check(Objects.requireNonNull(key, "key"));
    Objects.requireNonNull(value, "value");
  }

  /**
   * Reads {@code KEY=VALUE}; the value is everything after the first {@code =}.
   *
   * @throws IllegalArgumentException saying what a what-if looks like
   */
  public static FactOverride parse(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" has no '='; expected KEY=VALUE, such as gpu.driver.version=575.57.08");
    }
    String key = text.substring(0, equals).strip();
    String value = text.substring(equals + 1).strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" has no value after '='; expected KEY=VALUE, such as"
              + " gpu.driver.version=575.57.08");
    }
    return new FactOverride(FactKeys.check(key), value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
