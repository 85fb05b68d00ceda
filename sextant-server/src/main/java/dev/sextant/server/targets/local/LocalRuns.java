package dev.sextant.server.targets.local;

import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.EnvValue;
import dev.sextant.core.resource.spec.Run;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.server.secret.SecretResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a variant runs here: its artifact fetched and checked into the cache, its {@code run} block
 * turned into the command and environment of supervised instances. Secrets are resolved now, at the
 * moment of use, and live only in the instances' environment.
 */
public final class LocalRuns {
  private static final String ARTIFACT = "{{artifact}}";

  private final ArtifactCache artifacts;
  private final SecretResolver secrets;
  private final Path workingDirectory;

  public LocalRuns(ArtifactCache artifacts, SecretResolver secrets, Path workingDirectory) {
    this.artifacts = artifacts;
    this.secrets = secrets;
    this.workingDirectory = workingDirectory;
  }

  /**
   * The instances' spec for a variant.
   *
   * @throws UnsupportedArtifactException for a variant this target cannot run: an image, or one
   *     that does not say how it runs
   * @throws ArtifactException when its artifact cannot be fetched or does not match its sha256
   */
  public InstanceSpec spec(Variant variant) {
    if (variant.run().isEmpty() && variant.artifact() instanceof Artifact.Download) {
      throw new UnsupportedArtifactException(
          "variant " + variant.name(),
          "variant "
              + variant.name()
              + " does not say how it runs on the local target: give it a `run` block (command,"
              + " with {{port}} and {{artifact}})");
    }
    // An image is refused here; a variant with an image has no run.
    Path artifact = artifacts.fetch(variant);
    Run run = variant.run().orElseThrow();
    String path = artifact.toString();
    List<String> command = run.command().stream().map(arg -> arg.replace(ARTIFACT, path)).toList();
    Map<String, String> environment = new LinkedHashMap<>();
    run.env()
        .forEach(
            (name, value) ->
                environment.put(
                    name,
                    value instanceof EnvValue.Plain plain
                        ? plain.value().replace(ARTIFACT, path)
                        : secrets.resolve(((EnvValue.FromSecret) value).secretRef()).reveal()));
    return new InstanceSpec(
        command,
        environment,
        workingDirectory,
        run.readinessPath(),
        run.readinessTimeout(),
        run.stopTimeout());
  }
}
