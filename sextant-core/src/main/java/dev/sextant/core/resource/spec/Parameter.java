package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.Optional;

/** A deployment parameter of a variant: a fixed value, or one derived from facts. */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
  @JsonSubTypes.Type(Parameter.Fixed.class),
  @JsonSubTypes.Type(Parameter.Derived.class)
})
public sealed interface Parameter {

  String description();

  /** A value as written. */
  record Fixed(String value, String description) implements Parameter {
    public Fixed {
      Objects.requireNonNull(value, "value");
      description = Defaults.text(description);
    }
  }

  /** An expression over facts such as {@code gpu[0].memory / 2Gi}, bounded by min and max. */
  record Derived(String expr, Optional<String> min, Optional<String> max, String description)
      implements Parameter {
    public Derived {
      Objects.requireNonNull(expr, "expr");
      min = Defaults.optional(min);
      max = Defaults.optional(max);
      description = Defaults.text(description);
    }
  }
}
