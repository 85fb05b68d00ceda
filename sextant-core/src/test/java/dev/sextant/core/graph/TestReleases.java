package dev.sextant.core.graph;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.Dependency;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.core.schema.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Releases for graph tests: the project's examples, and small ones written in a line. */
final class TestReleases {
  private TestReleases() {}

  /** checkout-web 3.2.0, fraud-detector 1.4.0 and payments-api 2.4.0 from {@code examples/}. */
  static List<ReleaseSpec> examples() {
    return List.of(
        example("releases/checkout-web-3.2.0.yaml"),
        example("releases/fraud-detector-1.4.0.yaml"),
        example("releases/payments-api-2.4.0.yaml"));
  }

  static ReleaseSpec example(String path) {
    return (ReleaseSpec) Specs.read(Kind.RELEASE, Examples.named(path).get("spec"));
  }

  /**
   * A release written as {@code "checkout-web 3.2.0 api=1.0.0 payments-api:^2.1.0"}: service,
   * version, an optional API version, then dependencies as {@code service:range}.
   */
  static ReleaseSpec release(String line) {
    String[] words = line.split(" (?=[^ ]+[:=])");
    String[] head = words[0].split(" ");
    Optional<ReleaseSpec.Api> api = Optional.empty();
    List<Dependency> dependencies = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      if (words[i].startsWith("api=")) {
        api = Optional.of(new ReleaseSpec.Api(words[i].substring(4)));
      } else {
        int colon = words[i].indexOf(':');
        dependencies.add(
            new Dependency(words[i].substring(0, colon), words[i].substring(colon + 1), ""));
      }
    }
    Variant variant =
        new Variant(
            "default",
            "",
            new Artifact.Image("ghcr.io/acme/" + head[0] + "@sha256:" + "0".repeat(64)),
            List.of(),
            null,
            List.of());
    return new ReleaseSpec(
        head[0],
        head[1],
        "",
        api,
        dependencies,
        Optional.empty(),
        Optional.empty(),
        List.of(variant));
  }

  static List<ReleaseSpec> releases(String... lines) {
    return java.util.Arrays.stream(lines).map(TestReleases::release).toList();
  }
}
