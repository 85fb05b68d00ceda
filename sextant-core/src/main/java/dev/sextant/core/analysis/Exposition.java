package dev.sextant.core.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scrape of a metrics endpoint said: its samples in order, and the declared type of each
 * metric family that had a {@code # TYPE} line ({@code counter}, {@code gauge}, {@code histogram},
 * {@code summary}, {@code untyped}).
 */
public record Exposition(List<Sample> samples, Map<String, String> types) {
  public Exposition {
    samples = List.copyOf(samples);
    types = Map.copyOf(types);
  }

  /** The declared type of a family, if the text declared one. */
  public Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  /** Whether any sample has this name: the family is exposed, whatever its labels. */
  public boolean exposes(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }
}
