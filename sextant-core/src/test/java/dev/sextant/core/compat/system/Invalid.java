package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Fixtures;
import dev.sextant.core.compat.InvalidRequirementException;
import dev.sextant.core.compat.Validators;

/** The field a refused requirement is reported at. */
final class Invalid {
  private Invalid() {}

  static String field(String rule, String with) {
    try {
      Validators.standard().get(rule).prepare(Fixtures.rule(rule, with));
    } catch (InvalidRequirementException e) {
      return e.field();
    }
    throw new AssertionError("rule " + rule + " accepted " + with);
  }
}
