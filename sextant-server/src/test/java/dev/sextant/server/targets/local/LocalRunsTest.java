package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.EnvValue;
import dev.sextant.core.resource.spec.Run;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.core.secret.SecretRef;
import dev.sextant.server.secret.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variant's {@code run} block becomes supervised instances: the artifact fetched and checked,
 * {@code {{artifact}}} its cached path, secrets resolved at the moment of use and shown nowhere.
 */
class LocalRunsTest {
  private static final String SECRET = "greeting-from-a-secret-7f3a";

  @TempDir Path dir;

  @Test
  void a_run_block_starts_instances_with_the_cached_artifact_and_resolved_secrets()
      throws Exception {
    Path file = Files.writeString(dir.resolve("app.conf"), "listen on the given port\n");
    Variant variant = variant(download(file), Optional.of(tinyRun()));
    LocalRuns runs =
        new LocalRuns(
            ArtifactCache.in(dir.resolve("cache")),
            new Secrets(Map.of("SAMPLE_GREETING", SECRET)),
            dir);

    InstanceSpec spec = runs.spec(variant);

    Map<String, String> environment = spec.environment(8080);
    assertThat(environment.get("ARTIFACT"))
        .startsWith(dir.resolve("cache").toString())
        .endsWith("app.conf");
    assertThat(Files.readString(Path.of(environment.get("ARTIFACT")))).contains("given port");
    assertThat(environment.get("LISTEN")).isEqualTo("127.0.0.1:8080");
    assertThat(spec.toString()).doesNotContain(SECRET);
    try (InstanceSupervisor supervisor =
        new InstanceSupervisor(
            dir.resolve("logs"),
            new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)),
            status -> {})) {
      supervisor.start("web", Track.STABLE, spec, 1);
      InstanceStatus ready = awaitReady(supervisor);
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ready.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body()).contains("GREETING=" + SECRET);
      assertThat(Files.readString(ready.log())).doesNotContain(SECRET);
    }
  }

  @Test
  void a_variant_that_does_not_say_how_it_runs_is_refused_before_anything_is_fetched() {
    Variant variant =
        variant(
            new Artifact.Download("https://nowhere.invalid/app.jar", "0".repeat(64)),
            Optional.empty());
    LocalRuns runs =
        new LocalRuns(ArtifactCache.in(dir.resolve("cache")), new Secrets(Map.of()), dir);

    assertThatThrownBy(() -> runs.spec(variant))
        .isInstanceOf(UnsupportedArtifactException.class)
        .hasMessageContaining("does not say how it runs on the local target");
  }

  private static Run tinyRun() {
    Map<String, EnvValue> env = new LinkedHashMap<>();
    env.put("ARTIFACT", new EnvValue.Plain("{{artifact}}"));
    env.put("LISTEN", new EnvValue.Plain("127.0.0.1:{{port}}"));
    env.put("GREETING", new EnvValue.FromSecret(SecretRef.parse("env:SAMPLE_GREETING")));
    return new Run(
        TinyHttp.command("--port={{port}}"),
        env,
        "/healthz",
        1,
        Duration.ofSeconds(5),
        Duration.ofSeconds(20));
  }

  private static Artifact.Download download(Path file) throws Exception {
    return new Artifact.Download(
        file.toUri().toString(), Digest.sha256(Files.readAllBytes(file)).hex());
  }

  private static Variant variant(Artifact artifact, Optional<Run> run) {
    return new Variant("jvm", "", artifact, List.of(), Map.of(), List.of(), run);
  }

  private static InstanceStatus awaitReady(InstanceSupervisor supervisor)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<InstanceStatus> seen = new ArrayList<>();
    while (System.nanoTime() < until) {
      seen = supervisor.snapshot();
      if (!seen.isEmpty() && seen.get(0).state() == InstanceState.READY) {
        return seen.get(0);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not ready in time: " + seen);
  }
}
