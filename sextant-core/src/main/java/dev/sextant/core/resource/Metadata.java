package dev.sextant.core.resource;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A resource's name and labels, as in Kubernetes object metadata. */
public record Metadata(String name, Map<String, String> labels, Map<String, String> annotations) {
  public Metadata {
    Objects.requireNonNull(name, "name");
    labels =
        labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    annotations =
        annotations == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(annotations));
  }
}
