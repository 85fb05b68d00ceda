package dev.sextant.core.fingerprint;

import dev.sextant.core.resource.spec.FactValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Drift (DESIGN §3): the difference between declared and observed facts, or between the last known
 * good fingerprint and the current one. Pure: what drift then does (alert, block, …) is the
 * Environment's {@code spec.drift} and the server's business.
 */
public final class Drift {
  private Drift() {}

  /**
   * Every fact added, removed or changed from {@code baseline} to {@code current}. Facts compare
   * exactly, as digests do: a report is empty exactly when the whole digests are equal.
   */
  public static DriftReport between(Fingerprint baseline, Fingerprint current) {
    List<FactChange> changes = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(baseline.facts().keySet());
    keys.addAll(current.facts().keySet());
    for (String key : keys) {
      Optional<Fact> was = baseline.fact(key);
      Optional<Fact> now = current.fact(key);
      if (was.isEmpty()) {
        changes.add(FactChange.of(key, FactChange.Kind.ADDED, was, now));
      } else if (now.isEmpty()) {
        changes.add(FactChange.of(key, FactChange.Kind.REMOVED, was, now));
      } else if (!was.equals(now)) {
        changes.add(FactChange.of(key, FactChange.Kind.CHANGED, was, now));
      }
    }
    return new DriftReport(DriftReport.Basis.BASELINE, changes);
  }

  /**
   * Every declared fact the observation does not bear out: {@code missing} when not observed at
   * all, {@code changed} when observed with another value. Observed facts nobody declared are not
   * drift: operators declare what they care about.
   *
   * <p>A declared value is typed as the observed fact is (so a declared {@code 24Gi} equals
   * 25769803776 bytes observed, and {@code "12"} the version 12), else as {@link FactTypes} types
   * its key, else as written; a value that fits no type is still compared, and shows up as a change
   * rather than vanishing. A declared set asks for its members to be present: declaring {@code
   * cpu.flags: [avx2, avx512f]} does not require listing the other hundred flags.
   */
  public static DriftReport declared(Map<String, FactValue> declared, Fingerprint observed) {
    List<FactChange> changes = new ArrayList<>();
    declared.forEach(
        (key, value) -> {
          Optional<Fact> now = observed.fact(key);
          Fact expected = typed(key, value, now);
          if (now.isEmpty()) {
            changes.add(FactChange.of(key, FactChange.Kind.MISSING, Optional.of(expected), now));
          } else if (!holds(expected, now.get())) {
            changes.add(FactChange.of(key, FactChange.Kind.CHANGED, Optional.of(expected), now));
          }
        });
    return new DriftReport(DriftReport.Basis.DECLARED, changes);
  }

  private static boolean holds(Fact declared, Fact observed) {
    if (declared instanceof Fact.Set wanted && observed instanceof Fact.Set present) {
      return present.values().containsAll(wanted.values());
    }
    return declared.equals(observed);
  }

  private static Fact typed(String key, FactValue value, Optional<Fact> observed) {
    if (observed.isPresent()) {
      try {
        return FactTypes.declared(FactType.of(observed.get()), value);
      } catch (IllegalArgumentException e) {
        // Does not fit what was observed: try the key's own type below.
      }
    }
    try {
      return FactTypes.declared(key, value);
    } catch (IllegalArgumentException e) {
      return FactTypes.asWritten(value);
    }
  }
}
