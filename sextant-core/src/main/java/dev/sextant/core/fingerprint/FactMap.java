package dev.sextant.core.fingerprint;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint's facts: sorted, for digests, files and tables, and hashed, for lookups. Planning
 * reads about a hundred facts of each of thousands of fingerprints, and a lookup in a sorted map of
 * 200 keys follows eight nodes scattered over the heap where a hash lookup follows one or two. Only
 * ever exposed read-only, so the two views cannot disagree.
 */
final class FactMap extends TreeMap<String, Fact> {
  private final transient Map<String, Fact> index;

  FactMap(Map<String, Fact> facts) {
    super(facts);
    this.index = new HashMap<>(this);
  }

  @Override
  public Fact get(Object key) {
    return index.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return index.containsKey(key);
  }
}
