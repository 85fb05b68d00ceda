package dev.sextant.core.resource.spec;

/** Two elements of a list share a name; carries the duplicate's field relative to the record. */
final class DuplicateNameException extends FieldException {
  private static final long serialVersionUID = 1L;

  DuplicateNameException(String relativeField, String message) {
    super(relativeField, message);
  }
}
