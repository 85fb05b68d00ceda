package dev.sextant.core.python;

/** Spelling rules shared by the tag makers. */
public final class Names {
  private Names() {}

  /** packaging's {@code _normalize_string}: dots, dashes and spaces become underscores. */
  public static String normalize(String value) {
    return value.replace('.', '_').replace('-', '_').replace(' ', '_');
  }
}
