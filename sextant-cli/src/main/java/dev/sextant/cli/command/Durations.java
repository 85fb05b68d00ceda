package dev.sextant.cli.command;

import dev.sextant.cli.CliException;
import java.time.Duration;

/**
 * Go-style durations on the command line ({@code 30s}, {@code 5m}), read as the resources read
 * them.
 */
final class Durations {
  private Durations() {}

  static Duration parse(String text, String option) {
    try {
      return dev.sextant.core.resource.spec.Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw CliException.invalid(option + " " + text + ": " + e.getMessage());
    }
  }
}
