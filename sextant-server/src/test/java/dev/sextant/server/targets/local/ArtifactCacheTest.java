package dev.sextant.server.targets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCacheTest {
  private static final byte[] JAR =
      "PK\u0003\u0004 a jar, as far as the cache cares".getBytes(StandardCharsets.UTF_8);
  private static final String JAR_SHA256 = Digest.sha256(JAR).hex();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  private ArtifactCache cache() {
    return new ArtifactCache(dir.resolve("cache"), TIMEOUT, 1024 * 1024);
  }

  private Path source() throws Exception {
    return Files.write(dir.resolve("sample-1.0.0.jar"), JAR);
  }

  private static Variant variant(Artifact artifact) {
    return new Variant("default", "", artifact, List.of(), Map.of(), List.of());
  }

  private List<Path> cachedFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void a_file_url_is_copied_under_its_digest_keeping_its_name() throws Exception {
    Path source = source();

    Path cached = cache().fetch(new Artifact.Download(source.toUri().toString(), JAR_SHA256));

    assertThat(cached)
        .isEqualTo(dir.resolve("cache/sha256").resolve(JAR_SHA256).resolve("sample-1.0.0.jar"));
    assertThat(cached).hasBinaryContent(JAR);
    assertThat(cachedFiles()).containsExactly(cached);
  }

  @Test
  void a_cached_artifact_is_served_from_the_cache_without_its_source() throws Exception {
    Path source = source();
    var artifact = new Artifact.Download(source.toUri().toString(), JAR_SHA256);
    Path first = cache().fetch(artifact);
    Files.delete(source);

    Path second = cache().fetch(artifact);

    assertThat(second).isEqualTo(first).hasBinaryContent(JAR);
  }

  @Test
  void a_missing_file_is_refused_naming_it() {
    var artifact = new Artifact.Download(dir.resolve("gone.jar").toUri().toString(), JAR_SHA256);

    assertThatThrownBy(() -> cache().fetch(artifact))
        .isInstanceOf(ArtifactException.class)
        .hasMessage("there is no file at file://" + dir.resolve("gone.jar"));
  }

  @Test
  void an_http_url_is_downloaded_and_checked() throws Exception {
    try (ArtifactServer server = new ArtifactServer().serving("/releases/sample.jar", JAR)) {
      Path cached =
          cache()
              .fetch(
                  variant(new Artifact.Download(server.url("/releases/sample.jar"), JAR_SHA256)));

      assertThat(cached).hasBinaryContent(JAR).hasFileName("sample.jar");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void an_http_error_is_refused_naming_the_url_and_the_status() throws Exception {
    try (ArtifactServer server = new ArtifactServer().failing("/missing.jar", 404)) {
      var artifact = new Artifact.Download(server.url("/missing.jar"), JAR_SHA256);

      assertThatThrownBy(() -> cache().fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .hasMessage("fetching " + server.url("/missing.jar") + " was answered with HTTP 404");
      assertThat(cachedFiles()).isEmpty();
    }
  }

  @Test
  void a_server_error_is_refused_too() throws Exception {
    try (ArtifactServer server = new ArtifactServer().failing("/broken.jar", 500)) {
      var artifact = new Artifact.Download(server.url("/broken.jar"), JAR_SHA256);

      assertThatThrownBy(() -> cache().fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("HTTP 500");
    }
  }

  @Test
  void a_download_that_stalls_is_abandoned_at_the_timeout() throws Exception {
    try (ArtifactServer server = new ArtifactServer().stalling("/slow.jar")) {
      var artifact = new Artifact.Download(server.url("/slow.jar"), JAR_SHA256);
      var cache = new ArtifactCache(dir.resolve("cache"), Duration.ofMillis(300), 1024 * 1024);

      assertThatThrownBy(() -> cache.fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("did not finish within PT0.3S");
      assertThat(cachedFiles()).isEmpty();
    }
  }

  @Test
  void content_with_another_digest_is_refused_and_nothing_is_cached() throws Exception {
    String declared = Digest.sha256("another build".getBytes(StandardCharsets.UTF_8)).hex();
    try (ArtifactServer server = new ArtifactServer().serving("/sample.jar", JAR)) {
      var artifact = new Artifact.Download(server.url("/sample.jar"), declared);

      assertThatThrownBy(() -> cache().fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("has digest sha256:" + JAR_SHA256)
          .hasMessageContaining("the release declares sha256:" + declared);
      assertThat(cachedFiles()).isEmpty();
    }
  }

  @Test
  void a_corrupted_cache_entry_is_fetched_again() throws Exception {
    try (ArtifactServer server = new ArtifactServer().serving("/sample.jar", JAR)) {
      var artifact = new Artifact.Download(server.url("/sample.jar"), JAR_SHA256);
      Path cached = cache().fetch(artifact);
      Files.writeString(cached, "flipped bits");

      Path again = cache().fetch(artifact);

      assertThat(again).isEqualTo(cached).hasBinaryContent(JAR);
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void two_threads_fetching_at_once_get_one_download_and_one_file() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (ArtifactServer server = new ArtifactServer().serving("/sample.jar", JAR)) {
      var artifact = new Artifact.Download(server.url("/sample.jar"), JAR_SHA256);
      ArtifactCache cache = cache();
      CountDownLatch start = new CountDownLatch(1);
      Future<Path> one = threads.submit(() -> fetchAfter(start, cache, artifact));
      Future<Path> two = threads.submit(() -> fetchAfter(start, cache, artifact));
      start.countDown();

      assertThat(one.get()).isEqualTo(two.get()).hasBinaryContent(JAR);
      assertThat(server.requests()).isEqualTo(1);
      assertThat(cachedFiles()).containsExactly(one.get());
    } finally {
      threads.shutdownNow();
    }
  }

  private static Path fetchAfter(CountDownLatch start, ArtifactCache cache, Artifact.Download a)
      throws InterruptedException {
    start.await();
    return cache.fetch(a);
  }

  @Test
  void an_artifact_over_the_size_limit_is_refused() throws Exception {
    var small = new ArtifactCache(dir.resolve("cache"), TIMEOUT, 16);
    try (ArtifactServer server = new ArtifactServer().serving("/sample.jar", JAR)) {
      var byHttp = new Artifact.Download(server.url("/sample.jar"), JAR_SHA256);
      var byFile = new Artifact.Download(source().toUri().toString(), JAR_SHA256);

      assertThatThrownBy(() -> small.fetch(byHttp))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("is larger than the limit of 16 bytes");
      assertThat(server.requests()).isEqualTo(1);
      assertThatThrownBy(() -> small.fetch(byFile))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("is larger than the limit of 16 bytes");
      assertThat(cachedFiles()).isEmpty();
    }
  }

  @Test
  void a_body_without_a_length_is_cut_off_at_the_size_limit() throws Exception {
    byte[] large = new byte[256 * 1024];
    var small = new ArtifactCache(dir.resolve("cache"), TIMEOUT, 100 * 1024);
    try (ArtifactServer server = new ArtifactServer().streaming("/large.bin", large)) {
      var artifact = new Artifact.Download(server.url("/large.bin"), Digest.sha256(large).hex());

      assertThatThrownBy(() -> small.fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .hasMessageContaining("is larger than the limit of 102400 bytes");
      assertThat(cachedFiles()).isEmpty();
    }
  }

  @Test
  void a_url_without_a_host_is_refused() {
    var artifact = new Artifact.Download("http:///sample.jar", JAR_SHA256);

    assertThatThrownBy(() -> cache().fetch(artifact))
        .isInstanceOf(ArtifactException.class)
        .hasMessage("'http:///sample.jar' names no host");
  }

  @Test
  void an_image_only_variant_is_refused_pointing_at_the_kubernetes_target() {
    String image = "ghcr.io/acme/api:2.4.0@sha256:" + JAR_SHA256;
    Variant variant =
        new Variant("default", "", new Artifact.Image(image), List.of(), Map.of(), List.of());

    assertThatThrownBy(() -> cache().fetch(variant))
        .isInstanceOf(UnsupportedArtifactException.class)
        .hasMessage(
            "the local target runs artifacts given by URL and sha256; variant 'default' has only an"
                + " image ("
                + image
                + "); the Kubernetes target will run images");
  }

  @Test
  void a_scheme_the_local_target_does_not_fetch_is_refused() {
    var artifact = new Artifact.Download("s3://acme-artifacts/sample.jar", JAR_SHA256);

    assertThatThrownBy(() -> cache().fetch(artifact))
        .isInstanceOf(UnsupportedArtifactException.class)
        .hasMessageContaining("not s3:");
  }

  @Test
  void credentials_and_signatures_never_reach_a_message() throws Exception {
    try (ArtifactServer server = new ArtifactServer().failing("/sample.jar", 403)) {
      String url =
          server.url("/sample.jar?X-Amz-Signature=s3cr3t").replace("//", "//deploy:hunter2@");
      var artifact = new Artifact.Download(url, JAR_SHA256);

      assertThatThrownBy(() -> cache().fetch(artifact))
          .isInstanceOf(ArtifactException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage())
                    .isEqualTo(
                        "fetching "
                            + server.url("/sample.jar").replace("//", "//…@")
                            + "?… was answered with HTTP 403")
                    .doesNotContain("hunter2")
                    .doesNotContain("s3cr3t");
                assertThat(((ArtifactException) e).source()).doesNotContain("hunter2");
              });
    }
  }
}
