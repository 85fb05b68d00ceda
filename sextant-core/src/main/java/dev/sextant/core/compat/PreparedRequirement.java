package dev.sextant.core.compat;

import java.util.Objects;

/**
 * A requirement ready to evaluate, with what plans say about it.
 *
 * @param name its rule ({@code cuda}), its fact ({@code cpu.flags}), or {@code cel}
 * @param description the author's words, possibly empty
 * @param source the rule of the field it applies
 */
public record PreparedRequirement(
    String name, String description, String source, Constraint constraint) {
  public PreparedRequirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(constraint, "constraint");
  }
}
