package dev.sextant.server.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample service's jar as the build packaged it, with its sha256: what the tests deploy. */
public record SampleJar(Path path, String sha256) {
  public static SampleJar built() {
    Path target = Path.of("..", "sextant-sample", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      Path jar =
          files
              .filter(p -> p.getFileName().toString().matches("sextant-sample-.*\\.jar"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no sample jar in " + target + ": package it"));
      String sha256 =
          Files.readString(Path.of(jar + ".sha256"), StandardCharsets.UTF_8).split("\\s+")[0];
      return new SampleJar(jar, sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find the sample service's jar in " + target, e);
    }
  }

  /** A Release of the sample service that runs this jar with some flags, by a strategy. */
  String release(String name, String version, String strategy, String... flags) {
    StringBuilder command =
        new StringBuilder(
            "[java, -jar, \"{{artifact}}\", \"--port={{port}}\", --version, " + version);
    for (String flag : flags) {
      command.append(", \"").append(flag).append('"');
    }
    command.append(']');
    return """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: %s
        spec:
          service: sample
          version: %s
          strategy: %s
          variants:
            - name: jar
              artifact:
                url: file:%s
                sha256: %s
              run:
                command: %s
                readinessPath: /healthz
                stopTimeout: 5s
        """
        .formatted(name, version, strategy, path, sha256, command);
  }

  /**
   * A Release with two variants of the same jar: {@code gpu} where the host has a Tesla T4, else
   * {@code cpu}.
   */
  String twoVariants(String name, String strategy) {
    StringBuilder yaml =
        new StringBuilder()
            .append("apiVersion: sextant.dev/v1\nkind: Release\nmetadata:\n  name: ")
            .append(name)
            .append("\nspec:\n  service: model\n  version: 1.0.0\n  strategy: ")
            .append(strategy)
            .append("\n  variants:\n");
    for (String variant : new String[] {"gpu", "cpu"}) {
      yaml.append("    - name: ").append(variant).append('\n');
      if (variant.equals("gpu")) {
        yaml.append("      requirements:\n")
            .append("        - fact: gpu[0].model\n")
            .append("          equals: Tesla T4\n");
      }
      yaml.append("      artifact:\n        url: file:")
          .append(path)
          .append("\n        sha256: ")
          .append(sha256)
          .append(
              "\n      run:\n        command: [java, -jar, \"{{artifact}}\", \"--port={{port}}\"]\n")
          .append("        readinessPath: /healthz\n        stopTimeout: 5s\n");
    }
    return yaml.toString();
  }
}
