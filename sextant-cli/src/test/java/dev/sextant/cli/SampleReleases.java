package dev.sextant.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Releases of the sample service that run its jar as the build packaged it, checked by its sha256:
 * what the local target of a real server deploys in the CLI's tests.
 */
final class SampleReleases {
  private final Path jar;
  private final String sha256;

  private SampleReleases(Path jar, String sha256) {
    this.jar = jar;
    this.sha256 = sha256;
  }

  /**
   * @throws IllegalStateException when the build has not packaged the sample service
   */
  static SampleReleases built() {
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
      return new SampleReleases(jar, sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find the sample service's jar in " + target, e);
    }
  }

  /** A Release of the sample service in that version, rolled out by that strategy. */
  String release(String name, String version, String strategy) {
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
                command: [java, -jar, "{{artifact}}", "--port={{port}}", --version, %s]
                readinessPath: /healthz
                stopTimeout: 5s
        """
        .formatted(name, version, strategy, jar, sha256, version);
  }
}
