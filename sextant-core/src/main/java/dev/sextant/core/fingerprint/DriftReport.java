package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The facts that drifted, sorted by key. A value: equal inputs give equal reports, so a store can
 * keep a report only when it differs from the last one.
 */
public record DriftReport(Basis basis, List<FactChange> changes) {
  /** What the observation was compared with. */
  public enum Basis {
    /** An Environment's declared facts. */
    DECLARED,
    /** An earlier fingerprint, usually the last known good. */
    BASELINE;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DriftReport {
    Objects.requireNonNull(basis, "basis");
    changes = changes.stream().sorted(FactChange.ORDER).toList();
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public List<FactChange> of(FactChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).toList();
  }

  public List<FactChange> added() {
    return of(FactChange.Kind.ADDED);
  }

  public List<FactChange> removed() {
    return of(FactChange.Kind.REMOVED);
  }

  public List<FactChange> changed() {
    return of(FactChange.Kind.CHANGED);
  }

  public List<FactChange> missing() {
    return of(FactChange.Kind.MISSING);
  }

  /** The layers with at least one change: what an alert names. */
  public Set<Layer> layers() {
    Set<Layer> out = EnumSet.noneOf(Layer.class);
    changes.forEach(c -> out.add(c.layer()));
    return Collections.unmodifiableSet(out);
  }

  /** {@code {"basis":"declared","changes":[…]}}, to store and to print with {@code -o json}. */
  public ObjectNode toJson() {
    ObjectNode out = Fact.NODES.objectNode();
    out.put("basis", basis.word());
    ArrayNode list = out.putArray("changes");
    changes.forEach(c -> list.add(c.toJson()));
    return out;
  }
}
