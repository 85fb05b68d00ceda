package dev.sextant.server.store;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * The root of every failure of the server's stores; its message is meant for the operator. Unless a
 * subclass says otherwise, the store could not do the work now: {@link ProblemKind#UNAVAILABLE},
 * and trying again may help.
 */
public class StoreException extends RuntimeException implements Failure {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ProblemKind kind() {
    return ProblemKind.UNAVAILABLE;
  }
}
