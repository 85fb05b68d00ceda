package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a service: its variants in order of preference, the API version it provides, the
 * APIs it needs, where it comes from, and the strategy that rolls it out.
 */
public record ReleaseSpec(
    String service,
    String version,
    String description,
    Optional<Api> api,
    List<Dependency> dependencies,
    Optional<String> strategy,
    Optional<Provenance> provenance,
    List<Variant> variants)
    implements Spec {

  public ReleaseSpec {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
    description = Defaults.text(description);
    api = Defaults.optional(api);
    dependencies = Defaults.list(dependencies);
    strategy = Defaults.optional(strategy);
    provenance = Defaults.optional(provenance);
    variants = Defaults.list(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a release needs at least one variant");
    }
    Defaults.uniqueNames("variant", "variants", variants, Variant::name);
  }

  @Override
  public Kind kind() {
    return Kind.RELEASE;
  }

  /** The variant of that name. */
  public Optional<Variant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The version of its service's API that a release provides. */
  public record Api(String version) {
    public Api {
      Objects.requireNonNull(version, "version");
    }
  }
}
