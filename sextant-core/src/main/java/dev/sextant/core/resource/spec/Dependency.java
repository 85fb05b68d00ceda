package dev.sextant.core.resource.spec;

import java.util.Objects;

/** A release's need for another service's API, as a semver/npm range such as {@code ^2.1.0}. */
public record Dependency(String service, String api, String description) {
  public Dependency {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(api, "api");
    description = Defaults.text(description);
  }
}
