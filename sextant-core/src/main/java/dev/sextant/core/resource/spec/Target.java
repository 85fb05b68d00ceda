package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * How Sextant deploys to an environment: the adapter and its connection settings. Settings that
 * name a secret hold only a reference ({@code env:}, {@code file:}, {@code vault:}), resolved at
 * use.
 */
public record Target(Type type, Map<String, String> connection) {
  public Target {
    Objects.requireNonNull(type, "type");
    connection = Defaults.sorted(connection);
  }

  /** The target adapters. */
  public enum Type {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("kubernetes")
    KUBERNETES,
    @JsonProperty("agent")
    AGENT
  }
}
