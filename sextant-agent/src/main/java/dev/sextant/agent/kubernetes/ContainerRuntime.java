package dev.sextant.agent.kubernetes;

import dev.sextant.core.fingerprint.Fact;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's {@code containerRuntimeVersion}, written {@code <runtime>://<version>} ({@code
 * containerd://1.7.12}, {@code cri-o://1.29.2}), taken apart so the version compares as a version.
 */
record ContainerRuntime(String name, Optional<String> version) {
  static ContainerRuntime parse(String runtimeVersion) {
    int separator = runtimeVersion.indexOf("://");
    if (separator <= 0) {
      return new ContainerRuntime(runtimeVersion, Optional.empty());
    }
    String version = runtimeVersion.substring(separator + 3).trim();
    return new ContainerRuntime(
        runtimeVersion.substring(0, separator),
        version.isEmpty() ? Optional.empty() : Optional.of(NodeStatusFacts.withoutV(version)));
  }

  void addFacts(Map<String, Fact> facts) {
    facts.putIfAbsent("container.runtime", new Fact.Text(name));
    version.ifPresent(v -> facts.putIfAbsent("container.runtime.version", new Fact.Version(v)));
  }
}
