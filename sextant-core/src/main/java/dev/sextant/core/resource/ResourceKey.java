package dev.sextant.core.resource;

import java.util.Objects;

/** The identity of a resource: its kind and name. Revisions of one resource share a key. */
public record ResourceKey(Kind kind, String name) implements Comparable<ResourceKey> {
  public ResourceKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(ResourceKey o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return kind.displayName() + "/" + name;
  }
}
