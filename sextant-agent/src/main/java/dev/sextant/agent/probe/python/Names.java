package dev.sextant.agent.probe.python;

/** Spelling rules shared by the tag makers. */
final class Names {
  private Names() {}

  /** packaging's {@code _normalize_string}: dots, dashes and spaces become underscores. */
  static String normalize(String value) {
    return value.replace('.', '_').replace('-', '_').replace(' ', '_');
  }
}
