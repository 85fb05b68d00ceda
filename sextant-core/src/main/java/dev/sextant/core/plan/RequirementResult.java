package dev.sextant.core.plan;

import dev.sextant.core.compat.Finding;
import java.util.Objects;

/**
 * One requirement of a variant, evaluated in one environment.
 *
 * @param name what the requirement is about: its rule ({@code cuda}), its fact ({@code cpu.flags}),
 *     or {@code cel}
 * @param description the release author's words for it, possibly empty
 * @param source the rule of the field it applies, for people to check
 * @param finding what was required, what was observed, and why it is or is not met
 */
public record RequirementResult(String name, String description, String source, Finding finding) {
  public RequirementResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(finding, "finding");
  }

  public boolean met() {
    return finding.met();
  }
}
