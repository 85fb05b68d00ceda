package dev.sextant.core.resource.spec;

/**
 * A record's own check refused one of its fields; carries that field relative to the record, since
 * Jackson only knows the path to the record itself.
 */
class FieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String relativeField;

  FieldException(String relativeField, String message) {
    super(message);
    this.relativeField = relativeField;
  }

  String relativeField() {
    return relativeField;
  }
}
