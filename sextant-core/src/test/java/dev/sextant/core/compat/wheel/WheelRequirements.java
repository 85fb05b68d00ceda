package dev.sextant.core.compat.wheel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Optional;

/** WheelRequirements as a release would write them. */
final class WheelRequirements {
  private WheelRequirements() {}

  static Requirement wheel(String file) {
    return rule(JsonNodeFactory.instance.objectNode().put("file", file));
  }

  static Requirement rule(ObjectNode with) {
    return new Requirement(
        Optional.empty(),
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of("wheel"),
        with);
  }
}
