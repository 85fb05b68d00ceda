package dev.sextant.core.provenance;

import java.util.Objects;

/**
 * A layer of an in-toto attestation (the DSSE envelope, the Statement, its predicate) that cannot
 * be read as its specification writes it. Names the layer and the field, so the author of the file
 * can find what to fix.
 */
public final class MalformedAttestationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String layer;
  private final String field;
  private final String problem;

  /**
   * @param layer {@code envelope}, {@code statement} or {@code predicate}
   * @param field the field as a path from the layer's root ({@code signatures[1].sig}), or empty
   *     for the layer as a whole
   */
  public MalformedAttestationException(String layer, String field, String problem) {
    super(layer + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    this.layer = Objects.requireNonNull(layer, "layer");
    this.field = Objects.requireNonNull(field, "field");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  public String layer() {
    return layer;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
