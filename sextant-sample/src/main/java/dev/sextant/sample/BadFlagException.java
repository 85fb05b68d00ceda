package dev.sextant.sample;

/** A command line the service cannot run with; its message is for the operator, as it stands. */
final class BadFlagException extends Exception {
  private static final long serialVersionUID = 1L;

  BadFlagException(String message) {
    super(message);
  }
}
