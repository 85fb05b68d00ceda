package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one probe saw: facts by key, warnings (something that should have been seen was not) and
 * notes (why a fact is absent when that is normal, such as no {@code nvidia-smi} on a host without
 * GPUs).
 */
public record ProbeResult(
    SortedMap<String, Fact> facts, List<String> warnings, List<String> notes) {
  public ProbeResult {
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  public static ProbeResult empty() {
    return new ProbeResult(new TreeMap<>(), List.of(), List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects a probe's findings; the first value given for a key stays. */
  public static final class Builder {
    private final Map<String, Fact> facts = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder() {}

    public Builder fact(String key, Fact fact) {
      if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "fact key must be non-blank without spaces: '" + key + "'");
      }
      facts.putIfAbsent(key, fact);
      return this;
    }

    public Builder facts(Map<String, Fact> more) {
      more.forEach(this::fact);
      return this;
    }

    public Builder warning(String message) {
      warnings.add(message);
      return this;
    }

    public Builder note(String message) {
      notes.add(message);
      return this;
    }

    /** Takes another result's facts, warnings and notes, as when a probe is made of parts. */
    public Builder add(ProbeResult part) {
      facts(part.facts());
      warnings.addAll(part.warnings());
      notes.addAll(part.notes());
      return this;
    }

    public boolean has(String key) {
      return facts.containsKey(key);
    }

    public ProbeResult build() {
      return new ProbeResult(new TreeMap<>(facts), warnings, notes);
    }
  }
}
