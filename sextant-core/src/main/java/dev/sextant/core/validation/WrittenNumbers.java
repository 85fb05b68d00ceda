package dev.sextant.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.document.FieldPath;
import dev.sextant.core.document.SourceDocument;
import dev.sextant.core.fingerprint.FactType;
import dev.sextant.core.fingerprint.FactTypes;
import java.util.Optional;

/**
 * Versions and text are compared as written, but a stored resource keeps numbers in canonical form
 * ({@code 3.10} becomes {@code 3.1}, {@code 8.0} becomes {@code 8}): a version written as such a
 * number would mean something else once applied, so it must be quoted. Numbers and quantities keep
 * their value whatever their digits, so they may be written either way.
 */
public final class WrittenNumbers {
  private WrittenNumbers() {}

  /**
   * Whether a value compared with fact {@code key} is read for its digits: true unless the key is a
   * number or a quantity; a key of no registered type may be a version in some environment.
   */
  static boolean readAsWritten(String key) {
    return FactTypes.registered(key).map(WrittenNumbers::readAsWritten).orElse(true);
  }

  /** Whether values of this type are read for their digits: versions and text are. */
  static boolean readAsWritten(FactType type) {
    return type != FactType.NUMBER && type != FactType.QUANTITY;
  }

  /** How the store keeps {@code node}, when it is a number whose digits the store would change. */
  public static Optional<String> storedAs(JsonNode node) {
    if (!node.isBigDecimal()) {
      return Optional.empty();
    }
    String stored = node.decimalValue().stripTrailingZeros().toPlainString();
    return stored.equals(node.decimalValue().toPlainString())
        ? Optional.empty()
        : Optional.of(stored);
  }

  /**
   * A problem when {@code node} is a number whose digits the store would change.
   *
   * @param name the field's name as written, for the quoted form to suggest
   * @param what the field in words, to start the message
   */
  static Optional<Problem> check(
      SourceDocument document, FieldPath field, String name, String what, JsonNode node) {
    return storedAs(node)
        .map(
            stored -> {
              String written =
                  document.locations().textOf(field).orElse(node.decimalValue().toString());
              return new Problem(
                  document.source(),
                  document.locations().valueOf(field),
                  field.toString(),
                  what
                      + " is the number "
                      + written
                      + ", which is stored as "
                      + stored
                      + "; write it quoted: "
                      + name
                      + ": \""
                      + written
                      + "\"");
            });
  }
}
