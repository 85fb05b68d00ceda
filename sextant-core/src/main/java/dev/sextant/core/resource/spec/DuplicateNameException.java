package dev.sextant.core.resource.spec;

/** Two elements of a list share a name; carries the duplicate's field relative to the record. */
final class DuplicateNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String relativeField;

  DuplicateNameException(String relativeField, String message) {
    super(message);
    this.relativeField = relativeField;
  }

  String relativeField() {
    return relativeField;
  }
}
