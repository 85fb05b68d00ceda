package dev.sextant.core.document;

import dev.sextant.core.validation.Position;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each field of a document was written: the position of its value, of its key (for object
 * members), and the scalar text exactly as written (so a message can quote {@code 2.30} rather than
 * the number it became). Fields copied in through a YAML alias have no entry of their own; lookups
 * fall back to the nearest enclosing field that has one.
 */
public final class Locations {
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();

  void value(FieldPath path, Position position) {
    values.put(path.pointer(), position);
  }

  void key(FieldPath path, Position position) {
    keys.put(path.pointer(), position);
  }

  void text(FieldPath path, String text) {
    texts.put(path.pointer(), text);
  }

  /** The position of a field's value, or of the nearest enclosing field known. */
  public Position valueOf(FieldPath path) {
    for (FieldPath p = path; ; p = p.parent()) {
      Position found = values.get(p.pointer());
      if (found != null) {
        return found;
      }
      if (p.isRoot()) {
        return Position.of(1, 1);
      }
    }
  }

  /** The position of a member's key; falls back to its value's position. */
  public Position keyOf(FieldPath path) {
    Position found = keys.get(path.pointer());
    return found != null ? found : valueOf(path);
  }

  /** The scalar text as written in the source, when the field is a scalar written there. */
  public Optional<String> textOf(FieldPath path) {
    return Optional.ofNullable(texts.get(path.pointer()));
  }
}
