package dev.sextant.core.resource.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stage of a pipeline: its environments, named or selected by label (exactly one of the two), and
 * the gates a release must pass to be promoted into it.
 */
public record Stage(
    String name, List<String> environments, Optional<Selector> selector, Gates gates) {

  public Stage {
    Objects.requireNonNull(name, "name");
    environments = Defaults.list(environments);
    selector = Defaults.optional(selector);
    if (environments.isEmpty() == selector.isEmpty()) {
      throw new IllegalArgumentException(
          "stage '" + name + "' names its environments or selects them, exactly one of the two");
    }
    gates = gates == null ? Gates.NONE : gates;
  }
}
