package dev.sextant.core.plan;

/**
 * A what-if that cannot be applied: a fact no environment of the plan has, or a value that is not
 * of the fact's type. The message says which, and what was expected.
 */
public final class WhatIfException extends RuntimeException {
  public WhatIfException(String message) {
    super(message);
  }
}
