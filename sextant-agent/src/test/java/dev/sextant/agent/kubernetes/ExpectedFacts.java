package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds the facts a test expects, in the words of the fact types. */
final class ExpectedFacts {
  private final SortedMap<String, Fact> facts = new TreeMap<>();

  static ExpectedFacts facts() {
    return new ExpectedFacts();
  }

  static Fact.Quantity mebibytes(long mib) {
    return Fact.Quantity.bytes(mib * 1024 * 1024);
  }

  static Fact.Quantity kibibytes(long kib) {
    return Fact.Quantity.bytes(kib * 1024);
  }

  ExpectedFacts text(String key, String value) {
    return put(key, new Fact.Text(value));
  }

  ExpectedFacts version(String key, String value) {
    return put(key, new Fact.Version(value));
  }

  ExpectedFacts number(String key, long value) {
    return put(key, Fact.Number.of(value));
  }

  ExpectedFacts flag(String key, boolean value) {
    return put(key, new Fact.Flag(value));
  }

  ExpectedFacts set(String key, String... values) {
    return put(key, Fact.Set.of(List.of(values)));
  }

  ExpectedFacts put(String key, Fact fact) {
    facts.put(key, fact);
    return this;
  }

  /** The same facts for each of {@code count} devices: {@code gpu[i].<name>}. */
  ExpectedFacts eachGpu(int count, String name, Fact fact) {
    for (int i = 0; i < count; i++) {
      facts.put("gpu[" + i + "]." + name, fact);
    }
    return this;
  }

  SortedMap<String, Fact> build() {
    return facts;
  }

  static BigDecimal decimal(String value) {
    return new BigDecimal(value);
  }
}
