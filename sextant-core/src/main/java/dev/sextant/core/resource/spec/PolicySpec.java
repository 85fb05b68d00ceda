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
 *
 * @param approvals for {@code requireApproval}: how many distinct {@link #approvers} must approve
 */
public record PolicySpec(
    String description,
    Effect effect,
    Selector selector,
    String rule,
    Optional<String> message,
    Optional<String> messageExpression,
    List<String> approvers,
    Integer approvals)
    implements Spec {

  public PolicySpec {
    description = Defaults.text(description);
    Objects.requireNonNull(effect, "effect");
    selector = selector == null ? Selector.EVERYTHING : selector;
    Objects.requireNonNull(rule, "rule");
    message = Defaults.optional(message);
    messageExpression = Defaults.optional(messageExpression);
    approvers = Defaults.list(approvers);
    approvals = approvals == null ? 1 : approvals;
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
