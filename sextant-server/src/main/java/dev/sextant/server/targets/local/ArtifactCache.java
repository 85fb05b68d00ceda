package dev.sextant.server.targets.local;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.Variant;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Artifacts given by URL ({@code file:}, {@code http:}, {@code https:}), fetched once into a
 * directory keyed by their SHA-256 and checked before anything runs them.
 *
 * <p>An artifact lives at {@code <root>/sha256/<hex>/<name>}, where the name is the URL's last path
 * segment, so {@code java -jar} and unpackers see the file name they expect. A download goes to a
 * temporary file under {@code <root>/tmp}, is hashed while it streams, and is moved into place
 * atomically only when its digest is the one declared: the cache never holds content under a digest
 * it does not have. A cached file is hashed again on every fetch, so a corrupted one is fetched
 * anew rather than run.
 */
public final class ArtifactCache {
  /**
   * Large enough for a fat jar or a model bundle, small enough that a wrong URL cannot fill a disk.
   */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,199}");

  private final Path root;
  private final Duration timeout;
  private final long maxBytes;
  private final HttpClient http;
  private final ConcurrentMap<Digest, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param timeout bounds one whole download, connection and body together
   * @param maxBytes the largest artifact accepted; a larger one is refused while it streams
   */
  public ArtifactCache(Path root, Duration timeout, long maxBytes) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.root = root.toAbsolutePath();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(
                timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public static ArtifactCache in(Path root) {
    return new ArtifactCache(root, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /**
   * The checked, cached file of a variant's artifact, fetched if it is not cached yet.
   *
   * @throws UnsupportedArtifactException if the variant has only an image, or a URL whose scheme
   *     this target does not fetch
   * @throws ArtifactException if the fetch fails or the content has another digest
   */
  public Path fetch(Variant variant) {
    Artifact artifact = variant.artifact();
    if (artifact instanceof Artifact.Download download) {
      return fetch(download);
    }
    Artifact.Image image = (Artifact.Image) artifact;
    throw new UnsupportedArtifactException(
        image.reference(),
        "the local target runs artifacts given by URL and sha256; variant '"
            + variant.name()
            + "' has only an image ("
            + image.reference()
            + "); the Kubernetes target will run images");
  }

  /** As {@link #fetch(Variant)}, for an artifact given by URL. */
  public Path fetch(Artifact.Download artifact) {
    String shown = RedactedUrl.of(artifact.url());
    URI uri = parse(artifact.url(), shown);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
      throw new UnsupportedArtifactException(
          shown,
          "the local target fetches file:, http: and https: URLs, not "
              + scheme
              + ": ("
              + shown
              + ")");
    }
    if (!scheme.equals("file") && uri.getHost() == null) {
      throw new ArtifactException(shown, "'" + shown + "' names no host");
    }
    Digest declared = artifact.digest();
    Path target = root.resolve("sha256").resolve(declared.hex()).resolve(nameOf(uri));
    synchronized (locks.computeIfAbsent(declared, d -> new Object())) {
      try {
        if (Files.isRegularFile(target)) {
          if (DigestingFile.digestOf(target).equals(declared)) {
            return target;
          }
          Files.delete(target);
        }
        return fetchInto(uri, scheme, shown, declared, target);
      } catch (IOException e) {
        throw new ArtifactException(shown, "caching " + shown + " failed: " + e.getMessage(), e);
      }
    }
  }

  private Path fetchInto(URI uri, String scheme, String shown, Digest declared, Path target)
      throws IOException {
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(tmp, declared.shortHex() + "-", ".part");
    try {
      Digest actual;
      try (DigestingFile file = new DigestingFile(part, maxBytes)) {
        actual = scheme.equals("file") ? copy(uri, file, shown) : download(uri, file, shown);
      }
      if (!actual.equals(declared)) {
        throw new ArtifactException(
            shown,
            "the content of "
                + shown
                + " has digest "
                + actual
                + " but the release declares "
                + declared
                + "; it was not cached and will not run");
      }
      // on POSIX a rename replaces the target atomically: a racing process leaves one whole file
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private Digest copy(URI uri, DigestingFile file, String shown) throws IOException {
    Path source;
    try {
      source = Path.of(uri);
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(shown, "'" + shown + "' is not a file URL with an absolute path");
    }
    if (!Files.isRegularFile(source)) {
      throw new ArtifactException(shown, "there is no file at " + shown);
    }
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try (FileChannel in = FileChannel.open(source)) {
      while (in.read(buffer) >= 0) {
        buffer.flip();
        file.write(buffer);
        buffer.clear();
      }
    } catch (DigestingFile.TooLarge e) {
      throw tooLarge(shown, e);
    }
    return file.finish();
  }

  private Digest download(URI uri, DigestingFile file, String shown) throws IOException {
    HttpDownload body = new HttpDownload(file);
    HttpResponse.BodyHandler<Optional<Digest>> handler =
        response -> {
          if (response.statusCode() != 200) {
            return BodySubscribers.replacing(Optional.empty());
          }
          if (response.headers().firstValueAsLong("Content-Length").orElse(0) > maxBytes) {
            body.abandon(new DigestingFile.TooLarge(maxBytes));
          }
          return BodySubscribers.mapping(body, Optional::of);
        };
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    } catch (IllegalArgumentException e) {
      throw new ArtifactException(shown, "'" + shown + "' is not a URL that can be fetched", e);
    }
    CompletableFuture<HttpResponse<Optional<Digest>>> exchange = http.sendAsync(request, handler);
    HttpResponse<Optional<Digest>> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      body.abandon(e);
      exchange.cancel(true);
      throw timedOut(shown, e);
    } catch (InterruptedException e) {
      body.abandon(e);
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new ArtifactException(shown, "fetching " + shown + " was interrupted", e);
    } catch (ExecutionException e) {
      throw failed(shown, e.getCause());
    }
    if (response.statusCode() != 200) {
      throw new ArtifactException(
          shown, "fetching " + shown + " was answered with HTTP " + response.statusCode());
    }
    return response.body().orElseThrow();
  }

  private ArtifactException failed(String shown, Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof DigestingFile.TooLarge tooLarge) {
      return tooLarge(shown, tooLarge);
    }
    if (cause instanceof HttpTimeoutException) {
      return timedOut(shown, cause);
    }
    if (cause instanceof ConnectException) {
      return new ArtifactException(shown, "could not connect to fetch " + shown, cause);
    }
    return new ArtifactException(shown, "fetching " + shown + " failed: " + cause, cause);
  }

  private ArtifactException tooLarge(String shown, DigestingFile.TooLarge e) {
    return new ArtifactException(shown, shown + " is " + e.getMessage(), e);
  }

  private ArtifactException timedOut(String shown, Throwable cause) {
    return new ArtifactException(
        shown, "fetching " + shown + " did not finish within " + timeout, cause);
  }

  private static URI parse(String url, String shown) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null) {
        throw new ArtifactException(shown, "'" + shown + "' is not an absolute URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ArtifactException(shown, "'" + shown + "' is not a URL");
    }
  }

  private static String nameOf(URI uri) {
    String path = Optional.ofNullable(uri.getPath()).orElse("");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return SAFE_NAME.matcher(last).matches() ? last : "artifact";
  }
}
