package dev.sextant.core.resource;

import java.util.Map;

/**
 * A Kubernetes label selector ({@code tier=prod,region in (eu-west,eu-central),!deprecated}).
 * Placeholder contract; the parser and matcher are filled in with the store.
 */
public interface LabelSelector {
  LabelSelector EVERYTHING = labels -> true;

  boolean matches(Map<String, String> labels);
}
