package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.Objects;
import java.util.Optional;

/** A deployable unit: who owns it and the API it provides. */
public record ServiceSpec(
    String description, String owner, Optional<Api> api, Optional<String> repository)
    implements Spec {

  public ServiceSpec {
    description = Defaults.text(description);
    Objects.requireNonNull(owner, "owner");
    api = Defaults.optional(api);
    repository = Defaults.optional(repository);
  }

  @Override
  public Kind kind() {
    return Kind.SERVICE;
  }

  /** The API a service provides; each release says which version of it. */
  public record Api(String name, String description) {
    public Api {
      Objects.requireNonNull(name, "name");
      description = Defaults.text(description);
    }
  }
}
