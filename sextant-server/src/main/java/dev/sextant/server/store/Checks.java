package dev.sextant.server.store;

import java.util.Objects;

/** Checks of the names and texts that callers hand to the stores, made before any SQL runs. */
final class Checks {
  /** The longest name of an environment or an agent: a DNS subdomain, as resource names are. */
  static final int MAX_NAME_LENGTH = 253;

  private Checks() {}

  /**
   * The text itself, when it is neither blank nor longer than {@code max} characters.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  static String text(String value, String what, int max) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > max) {
      throw new IllegalArgumentException(what + " must have at most " + max + " characters");
    }
    return value;
  }

  /** The name of an environment or an agent. */
  static String name(String value, String what) {
    return text(value, what, MAX_NAME_LENGTH);
  }
}
