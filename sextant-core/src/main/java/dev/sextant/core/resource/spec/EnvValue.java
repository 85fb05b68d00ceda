package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.secret.SecretRef;
import java.util.Objects;

/**
 * The value of one environment variable of a running artifact: written in place, or a secret
 * reference resolved when the process starts, so the secret never reaches the store or a plan.
 */
public sealed interface EnvValue {

  /** A value written in place; numbers and booleans are kept as written, as text. */
  record Plain(String value) implements EnvValue {
    public Plain {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A secret, by reference: {@code {secretRef: env:NAME}}. */
  record FromSecret(SecretRef secretRef) implements EnvValue {
    public FromSecret {
      Objects.requireNonNull(secretRef, "secretRef");
    }
  }

  /** A scalar, or a mapping with a single {@code secretRef}; the schema has checked which. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static EnvValue of(JsonNode node) {
    if (node.isObject()) {
      JsonNode ref = node.path("secretRef");
      if (node.size() != 1 || !ref.isTextual()) {
        throw new IllegalArgumentException("a secret value is a mapping with only secretRef");
      }
      return new FromSecret(SecretRef.parse(ref.textValue()));
    }
    if (node.isValueNode() && !node.isNull()) {
      return new Plain(node.asText());
    }
    throw new IllegalArgumentException(
        "an environment value is a string, number, boolean or {secretRef: …}, found "
            + node.getNodeType());
  }
}
