package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule every deployment decision is checked against. {@link #rule} is a CEL expression that must
 * be true for a deployment to comply; when it is false the {@link #effect} applies in the
 * environments the {@link #selector} matches.
 */
public record PolicySpec(
    String description,
    Effect effect,
    Selector selector,
    String rule,
    Optional<String> message,
    Optional<String> messageExpression,
    List<String> approvers)
    implements Spec {

  public PolicySpec {
    description = Defaults.text(description);
    Objects.requireNonNull(effect, "effect");
    selector = selector == null ? Selector.EVERYTHING : selector;
    Objects.requireNonNull(rule, "rule");
    message = Defaults.optional(message);
    messageExpression = Defaults.optional(messageExpression);
    approvers = Defaults.list(approvers);
  }

  @Override
  public Kind kind() {
    return Kind.POLICY;
  }

  /** What a violation does. */
  public enum Effect {
    @JsonProperty("deny")
    DENY,
    @JsonProperty("warn")
    WARN,
    @JsonProperty("requireApproval")
    REQUIRE_APPROVAL
  }
}
