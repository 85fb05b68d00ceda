package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.Objects;

/**
 * A spec that passed its schema but breaks a rule the schema cannot state: a zero duration, two
 * variants with one name, a judge naming a metric the template lacks.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private final Kind kind;
  private final String field;
  private final String reason;

  public InvalidSpecException(Kind kind, String field, String reason, Throwable cause) {
    super(kind.displayName() + " " + field + ": " + reason, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.field = Objects.requireNonNull(field, "field");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Kind kind() {
    return kind;
  }

  /** The offending field as a path from the document's root, e.g. {@code spec.variants[1]}. */
  public String field() {
    return field;
  }

  /** What is wrong, in one line, without the field. */
  public String reason() {
    return reason;
  }
}
