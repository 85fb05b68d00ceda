package dev.sextant.core.validation;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an input: the source it came from (a file name, or {@code <request>}), the
 * position, the field path ({@code spec.variants[0].artifact.image}; empty for the document as a
 * whole) and a one-line reason that says what was expected and what was found.
 */
public record Problem(String source, Position position, String field, String message) {
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::source)
          .thenComparing(Problem::position)
          .thenComparing(Problem::field)
          .thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
    if (message.contains("\n")) {
      message = message.replace('\n', ' ');
    }
  }

  /** {@code file:line:col: field: reason}, the shape compilers use, so editors can jump to it. */
  public String format() {
    StringBuilder out = new StringBuilder(source);
    if (position.isKnown()) {
      out.append(':').append(position.line()).append(':').append(position.column());
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    return out.append(message).toString();
  }
}
