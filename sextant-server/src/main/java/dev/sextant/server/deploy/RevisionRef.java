package dev.sextant.server.deploy;

import java.util.Objects;
import java.util.Optional;

/**
 * What a rollout calls a revision: one variant of one stored revision of a Release, written {@code
 * RELEASE@N/VARIANT} (names hold neither '@' nor '/'). The empty text is no revision: what serves
 * before a service's first deployment.
 */
public record RevisionRef(String release, long number, String variant) {
  public RevisionRef {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(variant, "variant");
  }

  public String text() {
    return release + "@" + number + "/" + variant;
  }

  /** The revision a rollout's text names; empty for the empty text. */
  public static Optional<RevisionRef> parse(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int at = text.lastIndexOf('@');
    int slash = text.indexOf('/', at);
    if (at < 1 || slash < 0) {
      throw new IllegalArgumentException("not a revision (RELEASE@N/VARIANT): " + text);
    }
    return Optional.of(
        new RevisionRef(
            text.substring(0, at),
            Long.parseLong(text.substring(at + 1, slash)),
            text.substring(slash + 1)));
  }
}
