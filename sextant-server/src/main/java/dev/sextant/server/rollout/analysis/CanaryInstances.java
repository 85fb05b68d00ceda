package dev.sextant.server.rollout.analysis;

import java.net.URI;
import java.util.List;

/** Where a rollout's canary instances answer now: base URLs such as {@code http://host:8081}. */
@FunctionalInterface
public interface CanaryInstances {
  List<URI> of(String rollout);
}
