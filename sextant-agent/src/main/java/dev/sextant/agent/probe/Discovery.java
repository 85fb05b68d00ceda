package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every probe's facts merged into one sorted map, with what each probe warned and noted and how
 * long it took. This is the raw material of a fingerprint.
 *
 * @param timings each probe's run time by probe name, in the order the probes were given
 * @param elapsed from the start of the first probe to the end of the last
 */
public record Discovery(
    SortedMap<String, Fact> facts,
    List<Message> warnings,
    List<Message> notes,
    Map<String, Duration> timings,
    Duration elapsed) {

  public Discovery {
    facts = Collections.unmodifiableSortedMap(new TreeMap<>(facts));
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
  }

  /** A warning or a note, with the probe it came from. */
  public record Message(String probe, String text) {
    @Override
    public String toString() {
      return probe + ": " + text;
    }
  }
}
