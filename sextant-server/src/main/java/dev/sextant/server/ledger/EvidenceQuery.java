package dev.sextant.server.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an evidence bundle is about: one rollout, release or environment by name, and optionally a
 * window of entry times, {@code since} inclusive and {@code until} exclusive.
 */
public record EvidenceQuery(
    Scope scope, String name, Optional<Instant> since, Optional<Instant> until) {
  /** What the name names; its key is the selection's member in the bundle. */
  public enum Scope {
    ROLLOUT("rollout"),
    RELEASE("release"),
    ENVIRONMENT("environment");

    private final String key;

    Scope(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public EvidenceQuery {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
  }

  /** Whether an entry of that time is inside the window. */
  public boolean covers(Instant at) {
    return since.map(s -> !at.isBefore(s)).orElse(true) && until.map(at::isBefore).orElse(true);
  }

  /** The selection as the bundle records it. */
  public SortedMap<String, String> selection() {
    SortedMap<String, String> selection = new TreeMap<>();
    selection.put(scope.key(), name);
    since.ifPresent(s -> selection.put("since", s.toString()));
    until.ifPresent(u -> selection.put("until", u.toString()));
    return selection;
  }

  /** The selection in words, for a message. */
  public String describe() {
    return scope.key()
        + " "
        + name
        + since.map(s -> " since " + s).orElse("")
        + until.map(u -> " until " + u).orElse("");
  }
}
