package dev.sextant.core.resource;

/** A label selector that does not parse; the message names the position and what was expected. */
public final class InvalidSelectorException extends IllegalArgumentException {
  private final String selector;
  private final int position;

  InvalidSelectorException(String selector, int position, String problem) {
    super("invalid label selector \"" + selector + "\" at position " + position + ": " + problem);
    this.selector = selector;
    this.position = position;
  }

  /** The selector as given. */
  public String selector() {
    return selector;
  }

  /** The zero-based index in {@link #selector()} where the problem starts. */
  public int position() {
    return position;
  }
}
