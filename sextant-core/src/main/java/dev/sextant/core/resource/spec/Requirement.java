package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A constraint on an environment's facts, as written. Operands are kept as text ({@code 16Gi},
 * {@code 8.0}, {@code x86_64}) because their meaning comes from the fact's type: a quantity, a
 * version in {@link #scheme}, a number. A {@link #rule} names a built-in or plug-in validator,
 * which reads its own arguments from {@link #with}.
 */
public record Requirement(
    Optional<String> fact,
    String description,
    @JsonProperty("equals") Optional<String> equalTo,
    Optional<String> min,
    Optional<String> max,
    Optional<String> range,
    Optional<Scheme> scheme,
    List<String> in,
    List<String> includes,
    Optional<Boolean> exists,
    Optional<String> cel,
    Optional<String> rule,
    ObjectNode with) {

  public Requirement {
    fact = Defaults.optional(fact);
    description = Defaults.text(description);
    equalTo = Defaults.optional(equalTo);
    min = Defaults.optional(min);
    max = Defaults.optional(max);
    range = Defaults.optional(range);
    scheme = Defaults.optional(scheme);
    in = Defaults.list(in);
    includes = Defaults.list(includes);
    exists = Defaults.optional(exists);
    cel = Defaults.optional(cel);
    rule = Defaults.optional(rule);
    with = Defaults.object(with);
  }

  /** A copy of the validator's arguments, so that callers cannot change this value. */
  @Override
  public ObjectNode with() {
    return with.deepCopy();
  }

  /** How versions are compared. */
  public enum Scheme {
    /** Semantic Versioning 2.0.0, with npm range syntax. */
    @JsonProperty("semver")
    SEMVER,
    /** Python versions and specifiers (PEP 440). */
    @JsonProperty("pep440")
    PEP440,
    /** Plain numeric dotted versions, e.g. driver and kernel versions. */
    @JsonProperty("dotted")
    DOTTED
  }
}
