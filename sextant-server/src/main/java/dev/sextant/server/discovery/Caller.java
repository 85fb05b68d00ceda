package dev.sextant.server.discovery;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks to change discovery state. Until access control arrives, a caller over the API proves
 * itself with the agent token; the CLI working on its own store, in its own process, needs none (it
 * could write the store directly anyway).
 */
public sealed interface Caller {
  /** This process: the CLI without {@code --server}, on the store it opened. */
  record Local() implements Caller {}

  /** A caller over the API, with the bearer token it presented, if any. */
  record Bearer(Optional<String> token) implements Caller {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      // Never the token itself, should a caller be logged.
      return "Bearer[" + (token.isPresent() ? "token" : "no token") + "]";
    }
  }

  static Caller local() {
    return new Local();
  }

  static Caller bearer(Optional<String> token) {
    return new Bearer(token);
  }
}
