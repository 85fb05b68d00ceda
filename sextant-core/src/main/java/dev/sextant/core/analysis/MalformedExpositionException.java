package dev.sextant.core.analysis;

/**
 * The text of a metrics endpoint is not the Prometheus text format; says where, so that whoever
 * owns the endpoint can find the line.
 */
public final class MalformedExpositionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  MalformedExpositionException(int line, String problem) {
    super("line " + line + ": " + problem);
    this.line = line;
  }

  /** The line of the text, counted from 1. */
  public int line() {
    return line;
  }
}
