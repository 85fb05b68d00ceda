package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact that differs between what was expected and what is: between a baseline fingerprint (the
 * last known good) and the current one, or between an Environment's declared facts and the observed
 * fingerprint.
 *
 * @param expected the baseline's or the declared value; empty for an added fact
 * @param actual the current or observed value; empty for a removed or missing fact
 */
public record FactChange(
    String key, Layer layer, Kind kind, Optional<Fact> expected, Optional<Fact> actual) {
  static final Comparator<FactChange> ORDER = Comparator.comparing(FactChange::key);

  public enum Kind {
    /** In the current fingerprint, not in the baseline. */
    ADDED,
    /** In the baseline, not in the current fingerprint. */
    REMOVED,
    /** In both, with different values. */
    CHANGED,
    /** Declared, but not observed at all. */
    MISSING;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public FactChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    boolean shape =
        switch (kind) {
          case ADDED -> expected.isEmpty() && actual.isPresent();
          case REMOVED, MISSING -> expected.isPresent() && actual.isEmpty();
          case CHANGED -> expected.isPresent() && actual.isPresent();
        };
    if (!shape) {
      throw new IllegalArgumentException(
          kind.word() + " fact " + key + " with expected " + expected + " and actual " + actual);
    }
  }

  static FactChange of(String key, Kind kind, Optional<Fact> expected, Optional<Fact> actual) {
    return new FactChange(key, Layer.of(key), kind, expected, actual);
  }

  /** {@code gpu.driver.version (platform) changed: 535.104.05 -> 550.54.15}, for people. */
  public String describe() {
    String was = expected.map(Fact::display).orElse("(none)");
    String now = actual.map(Fact::display).orElse("(none)");
    return key + " (" + layer.word() + ") " + kind.word() + ": " + was + " -> " + now;
  }

  /** {@code {"key":…, "layer":…, "change":…, "expected":{typed}, "actual":{typed}}}. */
  public ObjectNode toJson() {
    ObjectNode out = Fact.NODES.objectNode();
    out.put("key", key);
    out.put("layer", layer.word());
    out.put("change", kind.word());
    expected.ifPresent(fact -> out.set("expected", FactJson.write(fact)));
    actual.ifPresent(fact -> out.set("actual", FactJson.write(fact)));
    return out;
  }
}
